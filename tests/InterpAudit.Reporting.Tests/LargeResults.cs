using System.Globalization;
using InterpAudit.Ablation;
using InterpAudit.Accuracy;
using InterpAudit.Capture;
using InterpAudit.Circuits;
using InterpAudit.Information;
using InterpAudit.Lib;
using InterpAudit.Modularity;
using InterpAudit.Results;

namespace InterpAudit.Reporting.Tests;

/// <summary>
/// A synthetic audit at the scale issue #20 sizes the report for: 100 classes and 20 layers of 256
/// units, every family measured on every layer (LIB over all 20, modularity and ablation with 8
/// clusters on each, both circuit modes over the 20-layer chain, information per layer and per
/// adjacent pair), a check per class and per layer, each with a baseline. Values come from a seeded
/// generator, so the result is the same on every run. Linked into bench/InterpAudit.Bench, which times
/// the page it renders.
/// </summary>
internal static class LargeResults
{
    public const int Classes = 100, Layers = 20, Units = 256, Clusters = 8;

    public static AuditResult Create()
    {
        var random = new Random(20);
        string[] classes = Enumerable.Range(0, Classes).Select(c => "class " + c.ToString("000", CultureInfo.InvariantCulture)).ToArray();
        string[] layers = Enumerable.Range(0, Layers).Select(l => "block" + l.ToString("00", CultureInfo.InvariantCulture) + ".relu").ToArray();
        long[] totals = classes.Select(_ => 100L).ToArray();
        var accuracy = new ClassAccuracyResult(classes, classes.Select(_ => (long)random.Next(80, 100)).ToArray(), totals);

        var measured = new List<(MeasurementId Id, object Value)>
        {
            (MeasurementId.Of("accuracy"), accuracy),
            (MeasurementId.Of("lib", layers: layers), Lib(layers, random)),
            (MeasurementId.Of("circuit", "exact"), Circuit("exact", classes, layers, random)),
            (MeasurementId.Of("circuit", "fast"), Circuit("fast", classes, layers, random)),
        };
        foreach (string layer in layers)
        {
            measured.Add((MeasurementId.Of("modularity", layers: [layer], options: ("k", Clusters)), Modularity(layer, random)));
            measured.Add((MeasurementId.Of("ablation", layers: [layer], options: ("k", Clusters)), Ablation(layer, classes, random)));
            measured.Add((MeasurementId.Of("information", layers: [layer]), Information(layer, random)));
        }
        for (int l = 0; l + 1 < Layers; l++)
            measured.Add((MeasurementId.Of("redundancy", layers: [layers[l], layers[l + 1]]), Redundancy(layers[l], layers[l + 1], random)));

        var declaration = new CheckDeclaration("AccuracyCheckAttribute", 0);
        var checks = new List<CheckResult>();
        for (int c = 0; c < Classes; c++)
        {
            checks.Add(Checked(new MetricId("accuracy", "accuracy", "class=" + classes[c]), accuracy.Accuracy[c], new Threshold(BoundKind.Min, 0.85), "IA1001", declaration, random));
            checks.Add(Checked(new MetricId("circuit", "ecs", "class=" + classes[c]), random.NextDouble() * 0.3, new Threshold(BoundKind.Max, 0.4), "IA1101", declaration with { Ordinal = 1 }, random));
        }
        for (int l = 0; l < Layers; l++)
        {
            checks.Add(Checked(new MetricId("modularity", "clusterability", "layer=" + layers[l]), random.NextDouble(), new Threshold(BoundKind.Min, 0.2), "IA1201", declaration with { Ordinal = 2 + l }, random));
            checks.Add(Checked(new MetricId("information", "labelBits", "layer=" + layers[l]), 5 * random.NextDouble(), new Threshold(BoundKind.Min, 1), "IA1301", declaration with { Ordinal = 2 + l }, random));
            checks.Add(Checked(new MetricId("ablation", "specialization", "layer=" + layers[l]), random.NextDouble(), new Threshold(BoundKind.Min, 0.1), "IA1401", declaration with { Ordinal = 2 + l }, random));
        }

        return new AuditResult(
            AuditResult.CurrentSchema, "large-synthetic", "Samples.LargeSynthetic",
            new ModelIdentity("TorchSharp.Modules.Sequential", "/src/obj/large.weights", new string('a', 64), 1_320_000),
            new DatasetIdentity(10_000, new string('b', 64), totals),
            classes, "cpu", 0, "0.1.0",
            new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero),
            new Dictionary<string, double> { ["load"] = 0.25, ["checks"] = 120 },
            checks,
            measured.ToDictionary(m => m.Id.Key, m => m.Value)) { MeasurementIds = measured.Select(m => m.Id).ToArray() };
    }

    /// <summary>Judged, with a baseline 0.01 on the check's good side: a move the bad way, as the gate sees every regression.</summary>
    private static CheckResult Checked(MetricId id, double value, Threshold threshold, string code, CheckDeclaration declaration, Random random)
    {
        double moved = threshold.Kind == BoundKind.Min ? -0.01 : 0.01, baseline = value - moved;
        return CheckResult.Judge(id, value, new Interval(value - 0.02, value + 0.02, "bootstrap-95"), threshold, CheckSeverity.Error, code, declaration) with
        {
            Location = new SourceLocation("/src/LargeAudit.cs", 10 + declaration.Ordinal, 6),
            Baseline = new BaselineComparison(baseline, new Interval(baseline - 0.02, baseline + 0.02, "range of 10 calibration runs"), moved, 0.03, 0.01,
                random.Next(10) == 0 ? RegressionStatus.Regressed : RegressionStatus.Unchanged)
            {
                Runs = 10, Spread = 0.01, Sigma = 0.012, TrainingSigma = 0.011, SamplingSigma = 0.004, PValue = random.NextDouble(), Level = 0.05,
                Noise = "training spread of 10 calibration runs; interval-based sampling noise",
            },
        };
    }

    private static double[] Descending(int count, Random random) =>
        Enumerable.Range(0, count).Select(i => Math.Exp(-i / 20.0) * (1 + 0.1 * random.NextDouble())).OrderDescending().ToArray();

    private static LibResult Lib(string[] layers, Random random) => new(1e-10, 10_000,
        layers.Select(l => new LibLayerResult(l, Units, 10_000, 40, 90, 60, 120, Descending(Units, random), Descending(Units, random), 1, 0.1, 0.01)).ToArray(),
        Enumerable.Range(0, Layers - 1).Select(l => new LibInteractionResult(layers[l], layers[l + 1], 300, 900, 3, 1, 1, 0, 0,
            Enumerable.Range(0, 50).Select(e => new InteractionEdge(random.Next(Units), random.Next(Units), 1.0 / (e + 1))).ToArray(), [],
            Descending(Units, random), Descending(Units, random), [], [])).ToArray(),
        "torch.linalg.eigh (float64)");

    private static LayerModularityResult Modularity(string layer, Random random)
    {
        int[] labels = Enumerable.Range(0, Units).Select(u => u * Clusters / Units).ToArray();
        int[] sizes = Enumerable.Repeat(Units / Clusters, Clusters).ToArray();
        int grid = BlockOrderedWeights.MaxGridSize;
        IReadOnlyList<double>[] cells = Enumerable.Range(0, grid).Select(r => (IReadOnlyList<double>)Enumerable.Range(0, grid)
            .Select(c => Math.Round((r * Clusters / grid == c * Clusters / grid ? 1 : 0.1) * random.NextDouble(), 4)).ToArray()).ToArray();
        int[] order = Enumerable.Range(0, Units).ToArray();
        return new LayerModularityResult(layer, Units, Units, new ModularityOptions(Clusters: Clusters), labels, labels, [], [],
            0.6, sizes.Select(_ => 1.0 / Clusters).ToArray(), new ClusterabilityNull([0.12, 0.13, 0.125]), new Interval(0.5, 0.6, "null-se-95"), 0.4,
            new BlockOrderedWeights(order, order, sizes, sizes, cells));
    }

    private static ClusterAblationResult Ablation(string layer, string[] classes, Random random)
    {
        AblationKindResult Kind(AblationKind kind) => new(kind,
            Enumerable.Range(0, Clusters).Select(_ => (IReadOnlyList<double>)classes.Select(_ => Math.Round(0.1 - 0.6 * random.NextDouble(), 4)).ToArray()).ToArray(),
            Enumerable.Range(0, Clusters).Select(_ => random.NextDouble()).ToArray(),
            Enumerable.Range(0, Clusters).Select(_ => (IReadOnlyList<double>)[random.NextDouble(), random.NextDouble()]).ToArray(),
            Enumerable.Range(0, Clusters).Select(_ => random.NextDouble()).ToArray(),
            classes.Select(_ => random.Next(Clusters)).ToArray(),
            Enumerable.Range(0, Clusters).Select(_ => random.NextDouble() * 0.2).ToArray());
        return new ClusterAblationResult(layer, Units, classes, new AblationOptions(RandomSets: 20), $"modularity:{layer}:k={Clusters}",
            Enumerable.Range(0, Clusters).Select(c => (IReadOnlyList<int>)Enumerable.Range(c * Units / Clusters, Units / Clusters).ToArray()).ToArray(),
            classes.Select(_ => 100L).ToArray(), classes.Select(_ => 90L).ToArray(), Enumerable.Range(0, Units).Select(_ => random.NextDouble()).ToArray(),
            Kind(AblationKind.Zero), Kind(AblationKind.Mean));
    }

    private static CircuitSizeResult Circuit(string mode, string[] classes, string[] layers, Random random) =>
        new(mode, LossCriterion.Describe(1e-9), 1e-9, 1000, string.Join(" → ", layers), layers, 1_300_000,
            classes.Select(c => new ClassCircuit(c, 100, random.NextDouble() * 0.3, 1_000_000, 1_300_000,
                layers.Select(_ => (long)random.Next(50_000)).ToArray(), 0.25, 0.2, 80_000)).ToArray());

    private static LayerInformationResult Information(string layer, Random random) =>
        new(layer, 10_000, Enumerable.Repeat(100, Classes).ToArray(), 100, Units, 3, 16, 16, true, 5 * random.NextDouble(), 5.2, new Interval(4, 5.5, "bootstrap-recentred-95"),
            200, 1000, 0.05, 120, 0.47,
            Enumerable.Range(0, 5).Select(u => new UnitInformation(u, random.NextDouble(), 0.001, true, 0.4)).ToArray(), [], [], [], 0.4, 0, false);

    private static LayerRedundancyResult Redundancy(string first, string second, Random random) =>
        new(first, second, 10_000, Enumerable.Repeat(100, Classes).ToArray(), 100, 16, 16, 16, true, 0, 1, 0.1, 0.4,
            new InformationDecomposition(4, 4.2, 5, 3.2, "redundancy", 4, 0, 0.2, 0.8), new Interval(3, 3.4, "bootstrap-recentred-95"), 200, 0, false);
}
