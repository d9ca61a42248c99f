using InterpAudit.Ablation;
using InterpAudit.Circuits;
using InterpAudit.Information;
using InterpAudit.Lib;
using InterpAudit.Modularity;
using InterpAudit.Results;

namespace InterpAudit.Reporting.Tests;

/// <summary>
/// An audit result whose every string a user can choose holds markup, template syntax and quotes, with
/// a measurement for every report section so that every partial renders some of them.
/// </summary>
internal static class HostileResults
{
    /// <summary>Everything at once: a script, an attribute break-out, Scriban code, an include, and the characters HTML gives meaning.</summary>
    public const string Payload = """<script>alert(1)</script>"><img src=x onerror=alert(1)>{{ 1 + 1 }}{{ include 'x' }}&'" """;

    /// <summary>A field's own hostile value: its name, so a test can tell where it surfaced, then the payload.</summary>
    public static string Field(string name) => name + ":" + Payload;

    public static AuditResult Create()
    {
        string className = Field("class"), layer = Field("layer"), other = Field("layer2");
        AuditResult sample = SampleResults.Create(className: className, layerName: Field("scope"));
        var location = new SourceLocation("/src/" + Field("source"), 14, 6);
        return sample with
        {
            Audit = Field("audit"),
            TargetType = Field("target"),
            Model = sample.Model with { Type = Field("model"), WeightsPath = "/weights/" + Field("weights") },
            Device = Field("device"),
            Dataset = sample.Dataset with { Name = Field("dataset"), Split = Field("split") },
            BaselineFile = new BaselineFile(Field("baseline"), new string('d', 64)),
            Runtime = new RuntimeVersions(Field("torchsharp"), Field("libtorch"), Field("dotnet"), Field("os")),
            Checks = sample.Checks.Select(c => c with
            {
                Location = location,
                Baseline = c.Baseline is null ? null : c.Baseline with { AcceptedReason = Field("reason"), Noise = Field("noise") },
            }).ToList(),
            Measurements = new Dictionary<string, object>(sample.Measurements.Concat(Hostile(layer, other, className).Select(m => KeyValuePair.Create(m.Id.Key, m.Value)))),
            MeasurementIds = [.. sample.MeasurementIds, .. Hostile(layer, other, className).Select(m => m.Id)],
        };
    }

    /// <summary>
    /// <paramref name="result"/> with a measurement of every family added, on plain names: the same
    /// populated pages, for tests that are about something other than escaping.
    /// </summary>
    public static AuditResult WithEveryFamily(AuditResult result, string layer, string other, string className) => result with
    {
        Measurements = new Dictionary<string, object>(result.Measurements.Concat(Measured(layer, other, className).Select(m => KeyValuePair.Create(m.Id.Key, m.Value)))),
        MeasurementIds = [.. result.MeasurementIds, .. Measured(layer, other, className).Select(m => m.Id)],
    };

    private static IEnumerable<(MeasurementId Id, object Value)> Hostile(string layer, string other, string className) =>
    [
        .. Measured(layer, other, className),
        // More classes than a labelled map holds, so that the raster map's label and its CSV of values (a file name, base64) take names too.
        (MeasurementId.Of("ablation", layers: [Field("wide")], options: ("k", 2)), WideAblation(Field("wide"), Field("wideclass"))),
    ];

    /// <summary>A measurement of every family, each under its identity, as the engine records them.</summary>
    private static IEnumerable<(MeasurementId Id, object Value)> Measured(string layer, string other, string className) =>
    [
        (MeasurementId.Of("lib", layers: [layer, other]), Lib(layer, other)),
        (MeasurementId.Of("modularity", layers: [layer], options: ("k", 2)), Modularity(layer)),
        (MeasurementId.Of("ablation", layers: [layer], options: ("k", 2)), Ablation(layer, className)),
        (MeasurementId.Of("circuit", "exact"), Circuit(className, layer, other)),
        // Both modes, so that the measured-but-not-gated part of the circuit section renders class names too.
        (MeasurementId.Of("circuit", "fast"), Circuit(className, layer, other) with { Mode = "fast" }),
        (MeasurementId.Of("information", layers: [layer]), Information(layer)),
        (MeasurementId.Of("redundancy", layers: [layer, other]), Redundancy(layer, other)),
    ];

    private static LibResult Lib(string layer, string next) => new(1e-10, 100,
        [new LibLayerResult(layer, 4, 100, 2, 1, 4, 3, [3.0, 1.0], [4.0, 3.0, 2.0, 1.0], 0.1, 0.01, 0.001)],
        [new LibInteractionResult(layer, next, 2, 6, 3.0, 1.0, 1.0, 0, 0, [new InteractionEdge(0, 0, 0.7)], [], [0.7, 0.3], [0.7, 0.3], [], [])],
        "torch.linalg.eigh (float64)");

    private static LayerModularityResult Modularity(string layer)
    {
        IReadOnlyList<double>[] grid = [[1, 0], [0, 1]];
        return new LayerModularityResult(layer, 2, 2, new ModularityOptions(Clusters: 2), [0, 1], [0, 1], [], [], 1.0, [0.5, 0.5],
            new ClusterabilityNull([0.4, 0.6]), new Interval(0.9, 1.0, "null-se-95"), 0.5, new BlockOrderedWeights([0, 1], [0, 1], [1, 1], [1, 1], grid));
    }

    private static ClusterAblationResult Ablation(string layer, string className)
    {
        var zero = new AblationKindResult(AblationKind.Zero, [[-0.5, 0.0], [0.05, -0.25]], [1.0, 0.8], [[0.5, 0.5], [0.5, 1.0]], [0.3, 0.6], [0, 1], [0.0, 0.0]);
        var mean = new AblationKindResult(AblationKind.Mean, [[0.0, 0.0], [0.0, 0.0]], [0.5, 0.5], [[0.5, 0.5], [0.5, 0.5]], [1.0, 1.0], [-1, -1], [0.0, 0.0]);
        return new ClusterAblationResult(layer, 4, ["zero", className], new AblationOptions(RandomSets: 2), "modularity:" + layer + ":k=2",
            [[0, 1], [2, 3]], [100, 100], [95, 83], [0.5, 0.25, 0.0, -1.0], zero, mean);
    }

    private static ClusterAblationResult WideAblation(string layer, string className)
    {
        string[] classes = [.. Enumerable.Range(0, 20).Select(y => "c" + y), className];
        IReadOnlyList<double>[] delta = [classes.Select(_ => -0.1).ToArray(), classes.Select(_ => 0.1).ToArray()];
        var kind = new AblationKindResult(AblationKind.Zero, delta, [0.05, 0.05], [[0.05], [0.05]], [1.0, 1.0], classes.Select(_ => 0).ToArray(), [0.1, 0.0]);
        return new ClusterAblationResult(layer, 4, classes, new AblationOptions(RandomSets: 1), "modularity:" + layer + ":k=2",
            [[0, 1], [2, 3]], classes.Select(_ => 100L).ToArray(), classes.Select(_ => 90L).ToArray(), [0.5, 0.25, 0.0, -1.0], kind, kind with { Kind = AblationKind.Mean });
    }

    private static CircuitSizeResult Circuit(string className, string first, string second) =>
        new("exact", LossCriterion.Describe(1e-9), 1e-9, 1000, $"{first} → {second}", [first, second], 100,
            [new ClassCircuit("zero", 100, 0.02, 98, 100, [96, 2], 0.25, 0.2, 80), new ClassCircuit(className, 100, 0.05, 95, 100, [93, 2], 0.25, 0.2, 80)]);

    private static LayerInformationResult Information(string layer) =>
        new(layer, 200, [100, 100], 100, 8, 1, 16, 4, true, 0.9, 1.0, new Interval(0.7, 1.1, "bootstrap-recentred-95"), 200, 1000, 0.05, 6, 0.75,
            [new UnitInformation(3, 0.61, 0.001, true, 0.4)], [], [], [], 0.4, 0, true);

    private static LayerRedundancyResult Redundancy(string first, string second) =>
        new(first, second, 200, [100, 100], 100, 16, 4, 4, true, 0, 1, 0.1, 0.4,
            new InformationDecomposition(0.8, 0.9, 1.5, 0.2, "redundancy", 0.8, 0, 0.1, 0.4), new Interval(0.1, 0.3, "bootstrap-recentred-95"), 200, 0, true);
}
