using InterpAudit.Results;
using InterpAudit.Information;

namespace InterpAudit.Tests.Information;

/// <summary>
/// Tie-breaking is noise: ReLU zeros are ranked by a seeded draw, and another draw gives another layer
/// figure. The interval's resamples redraw the ties, so it must hold what other draws give, and the
/// layer figure must not depend on anything but ranks.
/// </summary>
public sealed class TieDrawIntervalTests
{
    private static readonly InformationOptions Quick = new() { Permutations = 20, BootstrapResamples = 100 };

    /// <summary>ReLU units zero on about 60 % of the samples, whose positive part shifts with the class.</summary>
    private static (double[][] Units, int[] Labels) ReluLayer(int seed)
    {
        var random = new Random(seed);
        int classes = 4, perClass = 150, n = classes * perClass;
        int[] labels = Enumerable.Range(0, n).Select(i => i / perClass).ToArray(); // class-sorted, as evaluation sets often are
        double[][] units = Enumerable.Range(0, 8).Select(u => GaussianSamples.Standard(n, random)
            .Select((v, i) => Math.Max(0, v - 0.6 + 0.4 * ((labels[i] + u) % classes))).ToArray()).ToArray();
        return (units, labels);
    }

    [Fact]
    public void Resamples_evaluated_in_parallel_give_the_interval_one_after_the_other_gives()
    {
        (double[][] units, int[] labels) = ReluLayer(3);
        CopulaLayer copula = CopulaLayer.Normalize("relu", units, labels.Length, seed: 5);
        double Statistic(IReadOnlyList<double[]> rows, int[] y) => GaussianMixtureInformation.WithLabels(rows, y, 4);
        Interval parallel = StratifiedBootstrap.Percentile(0.5, labels, 4, 64, seed: 9, b => copula.WithTiesRedrawn(b).Components(3), Statistic);

        // The same resamples, drawn and evaluated in order, as the bootstrap did before it ran in parallel.
        List<int>[] members = GaussianMutualInformation.SamplesByClass(labels, 4);
        var random = new Random(SeedDerivation.Derive(9, "bootstrap"));
        var values = new double[64];
        for (int b = 0; b < 64; b++)
        {
            IReadOnlyList<double[]> rows = copula.WithTiesRedrawn(b).Components(3);
            int[] source = labels.Select(y => members[y][random.Next(members[y].Count)]).ToArray();
            values[b] = Statistic(rows.Select(row => source.Select(s => row[s]).ToArray()).ToArray(), labels);
        }
        Array.Sort(values);
        double median = StratifiedBootstrap.Quantile(values, 0.5);
        Assert.Equal(0.5 - (median - StratifiedBootstrap.Quantile(values, 0.025)), parallel.Lower);
        Assert.Equal(0.5 + (StratifiedBootstrap.Quantile(values, 0.975) - median), parallel.Upper);
    }

    [Fact]
    public void The_interval_holds_the_figures_other_tie_draws_give()
    {
        (double[][] units, int[] labels) = ReluLayer(1);
        string[] names = ["a", "b", "c", "d"];
        Assert.InRange(units.Average(u => CopulaNormalization.TieFraction(u)), 0.4, 0.8);
        LayerInformationResult reference = LayerInformation.Measure("relu", units, labels, names, Quick with { Seed = 0 });
        double[] others = Enumerable.Range(1, 20)
            .Select(seed => LayerInformation.Measure("relu", units, labels, names, Quick with { Seed = seed }).LabelBits).ToArray();
        Assert.True(others.Distinct().Count() > 1, "another draw of the ties gives another figure, or the test shows nothing");
        int inside = others.Count(b => b >= reference.LabelBitsInterval.Lower && b <= reference.LabelBitsInterval.Upper);
        Assert.True(inside >= 18, $"{inside} of 20 draws inside [{reference.LabelBitsInterval.Lower}, {reference.LabelBitsInterval.Upper}]: {string.Join(", ", others)}");
        Assert.True(reference.LabelBitsInterval.Upper <= reference.LabelEntropyBits);
    }

    [Fact]
    public void The_interval_is_the_same_for_the_same_seed()
    {
        (double[][] units, int[] labels) = ReluLayer(2);
        string[] names = ["a", "b", "c", "d"];
        LayerInformationResult first = LayerInformation.Measure("relu", units, labels, names, Quick with { Seed = 7 });
        LayerInformationResult again = LayerInformation.Measure("relu", units, labels, names, Quick with { Seed = 7 });
        Assert.Equal(first.LabelBits, again.LabelBits);
        Assert.Equal(first.LabelBitsInterval, again.LabelBitsInterval);
    }

    [Fact]
    public void The_layer_figure_is_invariant_to_increasing_maps_of_each_unit()
    {
        (double[][] units, int[] labels) = ReluLayer(3);
        string[] names = ["a", "b", "c", "d"];
        // Strictly increasing maps keep every tie and every order, hence the ranks and the seeded draws.
        double[][] mapped = units.Select((u, i) => u.Select(v => i % 2 == 0 ? Math.Exp(3 * v) : v * v * v + 5).ToArray()).ToArray();
        LayerInformationResult original = LayerInformation.Measure("relu", units, labels, names, Quick);
        LayerInformationResult transformed = LayerInformation.Measure("relu", mapped, labels, names, Quick);
        Assert.Equal(original.LabelBits, transformed.LabelBits, 12);
        Assert.Equal(original.LabelBitsInterval.Lower, transformed.LabelBitsInterval.Lower, 12);
        Assert.Equal(original.LabelBitsInterval.Upper, transformed.LabelBitsInterval.Upper, 12);
        Assert.Equal(original.UnitBits, transformed.UnitBits);
    }

    [Fact]
    public void A_redraw_reshuffles_only_the_tied_samples()
    {
        double[] unit = [0, 0, 0, 1.5, 0, 2.5, 0.7, 0, 0, 3.1];
        var layer = CopulaLayer.Normalize("relu", [unit], unit.Length, seed: 1);
        double[] first = layer.WithTiesRedrawn(0).Units[0]!;
        double[] again = layer.WithTiesRedrawn(0).Units[0]!;
        Assert.Equal(first, again);
        Assert.Equal(CopulaNormalization.NormalScores(unit.Length), first.Order());
        // The four untied values keep the four highest scores, in their order.
        double[] top = CopulaNormalization.NormalScores(unit.Length)[^4..];
        Assert.Equal(top, new[] { first[6], first[3], first[5], first[9] });
        // Over draws, every tied sample takes every one of the six tied ranks at least once.
        int[] zeros = [0, 1, 2, 4, 7, 8];
        double[] tiedScores = CopulaNormalization.NormalScores(unit.Length)[..6];
        var seen = zeros.ToDictionary(s => s, _ => new HashSet<double>());
        for (int draw = 0; draw < 200; draw++)
        {
            double[] values = layer.WithTiesRedrawn(draw).Units[0]!;
            foreach (int s in zeros) seen[s].Add(values[s]);
        }
        Assert.All(zeros, s => Assert.Equal(tiedScores.Order(), seen[s].Order()));
    }
}
