using System.Text.Json;
using InterpAudit.Diagnostics;
using InterpAudit.Information;

namespace InterpAudit.Tests.Information;

/// <summary>The per-layer and two-layer measurements on synthetic activations.</summary>
public sealed class LayerInformationTests
{
    private static readonly InformationOptions Quick = new() { Permutations = 100, BootstrapResamples = 40 };

    /// <summary>Units whose first <paramref name="informative"/> carry the label (mean shift), the rest noise.</summary>
    private static (double[][] Units, int[] Labels) Layer(int perClass, int classCount, int units, int informative, int seed)
    {
        var random = new Random(seed);
        int n = perClass * classCount;
        int[] labels = Enumerable.Range(0, n).Select(i => i % classCount).ToArray();
        double[][] rows = Enumerable.Range(0, units)
            .Select(u => GaussianSamples.Standard(n, random).Select((v, i) => u < informative ? v + 1.5 * labels[i] : v).ToArray())
            .ToArray();
        return (rows, labels);
    }

    [Theory]
    [InlineData(1000, 16, 16, true)] // 16 < 1000/10
    [InlineData(100, 16, 9, true)]   // capped: 9 < 100/10 ≤ 10
    [InlineData(101, 16, 10, true)]  // 10 < 10.1
    [InlineData(5, 16, 1, false)]    // the rule cannot be met; one component still gives an estimate
    public void Component_count_follows_the_smallest_class(int perClass, int requested, int expected, bool ruleMet)
    {
        (double[][] units, int[] labels) = Layer(perClass, 2, units: 20, informative: 2, seed: 1);
        LayerInformationResult result = LayerInformation.Measure("fc", units, labels, ["a", "b"], Quick with { Components = requested });
        Assert.Equal(expected, result.Components);
        Assert.Equal(ruleMet, result.ComponentRuleMet);
        Assert.Equal(requested, result.RequestedComponents);
        Assert.Equal(perClass, result.MinClassCount);
    }

    [Fact]
    public void An_informative_layer_reports_its_information_with_an_interval()
    {
        (double[][] units, int[] labels) = Layer(300, 2, units: 12, informative: 3, seed: 2);
        LayerInformationResult result = LayerInformation.Measure("fc", units, labels, ["a", "b"], Quick with { Components = 4 });

        Assert.True(result.LabelBits > 0.3, $"{result.LabelBits} bits");
        Assert.True(result.LabelBits <= 1, "two balanced classes hold at most one bit");
        Assert.Equal(result.LabelBits, result.LabelBitsUncorrected); // the mixture estimate has no bias correction
        Assert.Equal(1.0, result.LabelEntropyBits, 12);
        Assert.Equal(result.LabelBits, result.LabelEntropyShare, 12); // H(Y) = 1 bit
        Assert.False(result.ExceedsLabelEntropy);
        Assert.True(result.ModelComparisonBits > 0.3, "the model-comparison diagnostic sees the same information");
        Assert.InRange(result.LabelBits, result.LabelBitsInterval.Lower, result.LabelBitsInterval.Upper);
        Assert.True(result.LabelBitsInterval.Upper - result.LabelBitsInterval.Lower < 0.3);
        Assert.Equal(3, result.SignificantUnitCount);
        Assert.Equal(0.25, result.SignificantUnitFraction);
        Assert.Equal([0, 1, 2], result.TopUnits.Take(3).Select(u => u.Unit).Order());
        Assert.All(result.TopUnits.Take(3), u => Assert.True(u.Significant));
        Assert.Equal(12, result.UnitBits.Count);
        Assert.False(result.BiasCorrected);
        Assert.Equal(StratifiedBootstrap.WithTieDrawsMethod, result.LabelBitsInterval.Method);
        Assert.Contains("I(X;T)", result.Caution);
    }

    [Fact]
    public void Results_are_reproducible_from_the_seed()
    {
        (double[][] units, int[] labels) = Layer(100, 3, units: 6, informative: 1, seed: 3);
        string[] names = ["a", "b", "c"];
        LayerInformationResult first = LayerInformation.Measure("fc", units, labels, names, Quick);
        LayerInformationResult again = LayerInformation.Measure("fc", units, labels, names, Quick);
        Assert.Equal(first.LabelBits, again.LabelBits);
        Assert.Equal(first.LabelBitsInterval, again.LabelBitsInterval);
        Assert.Equal(first.UnitPValues, again.UnitPValues);
    }

    [Fact]
    public void A_class_with_too_few_samples_is_reported_as_IA3019()
    {
        (double[][] units, int[] labels) = Layer(50, 2, units: 4, informative: 1, seed: 4);
        labels = [.. labels, 2]; // one sample of a third class
        units = units.Select(u => u.Append(0.5).ToArray()).ToArray();
        var error = Assert.Throws<AuditInputException>(() => LayerInformation.Measure("fc", units, labels, ["a", "b", "rare"], Quick));
        Assert.Equal(DiagnosticCodes.ClassTooSmall, error.Code);
        Assert.Contains("\"rare\" has 1 evaluation sample", error.Message);
    }

    [Fact]
    public void A_class_without_samples_drops_out()
    {
        (double[][] units, int[] labels) = Layer(100, 2, units: 4, informative: 1, seed: 5);
        LayerInformationResult result = LayerInformation.Measure("fc", units, labels, ["a", "b", "absent"], Quick);
        Assert.Equal([100, 100, 0], result.ClassCounts);
        Assert.Equal(100, result.MinClassCount);
        Assert.True(result.LabelBits > 0.1);
    }

    [Fact]
    public void Two_copies_of_the_same_signal_are_redundant_and_two_halves_of_it_synergistic()
    {
        var random = new Random(6);
        int n = 1200;
        int[] labels = Enumerable.Range(0, n).Select(i => i % 2).ToArray();
        double[] signal = labels.Select(y => 1.5 * y).ToArray();
        double[] noiseA = GaussianSamples.Standard(n, random), noiseB = GaussianSamples.Standard(n, random);
        double[] common = GaussianSamples.Standard(n, random);

        // Redundant: each layer sees the label with its own noise.
        LayerRedundancyResult redundant = LayerRedundancy.Measure(
            "a", [signal.Select((s, i) => s + noiseA[i]).ToArray()], "b", [signal.Select((s, i) => s + noiseB[i]).ToArray()],
            labels, ["0", "1"], Quick);
        Assert.Equal(InformationDecomposition.Redundant, redundant.Decomposition.CoInformationSign);
        Assert.True(redundant.Decomposition.CoInformation > 0.05);

        // Synergistic: A is the label plus a nuisance, B is the nuisance alone; only together do they
        // cancel it (B alone knows nothing of the label).
        LayerRedundancyResult synergistic = LayerRedundancy.Measure(
            "a", [signal.Select((s, i) => s + 2 * common[i] + 0.3 * noiseA[i]).ToArray()], "b", [common],
            labels, ["0", "1"], Quick);
        Assert.Equal(InformationDecomposition.Synergistic, synergistic.Decomposition.CoInformationSign);
        Assert.True(synergistic.Decomposition.Synergy > 0.2);
        Assert.InRange(synergistic.Decomposition.InformationB, -0.01, 0.01);
        Assert.InRange(synergistic.Decomposition.CoInformation, synergistic.CoInformationInterval.Lower, synergistic.CoInformationInterval.Upper);
        Assert.True(synergistic.CoInformationInterval.Upper < 0);
        Assert.Equal(1, synergistic.ComponentsA);
        Assert.Equal(1, synergistic.ComponentsB);
    }

    [Fact]
    public void Results_serialise_to_json_for_metrics_json()
    {
        (double[][] units, int[] labels) = Layer(60, 2, units: 3, informative: 1, seed: 7);
        (double[][] next, _) = Layer(60, 2, units: 2, informative: 1, seed: 8);
        var measurements = new Dictionary<string, object>
        {
            ["information"] = LayerInformation.Measure("fc", units, labels, ["a", "b"], Quick),
            ["redundancy"] = LayerRedundancy.Measure("fc", units, "fc2", next, labels, ["a", "b"], Quick),
        };
        // Default options: a NaN anywhere in an ordinary result would make this throw.
        string json = JsonSerializer.Serialize(measurements);
        using JsonDocument document = JsonDocument.Parse(json);
        JsonElement information = document.RootElement.GetProperty("information");
        Assert.Equal(3, information.GetProperty("UnitBits").GetArrayLength());
        Assert.Contains("Gaussian-copula", information.GetProperty("Caution").GetString());
        Assert.Equal(1.0, information.GetProperty("LabelEntropyBits").GetDouble(), 12);
        Assert.True(information.TryGetProperty("LabelEntropyShare", out _));
        Assert.True(information.TryGetProperty("ModelComparisonBits", out _));
        Assert.Equal(LayerInformationResult.LabelEstimator, information.GetProperty("Estimator").GetString());
        Assert.True(document.RootElement.GetProperty("redundancy").GetProperty("Decomposition").TryGetProperty("CoInformationSign", out _));
    }
}
