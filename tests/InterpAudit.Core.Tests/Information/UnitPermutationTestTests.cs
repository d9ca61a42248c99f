using InterpAudit.Information;

namespace InterpAudit.Tests.Information;

/// <summary>The per-unit max-statistic permutation test (spec mi.md, "What the audit reports", per unit).</summary>
public sealed class UnitPermutationTestTests
{
    private static (double[][] Units, int[] Labels) Layer(int n, int noiseUnits, double shift, int classCount, int seed)
    {
        var random = new Random(seed);
        int[] labels = Enumerable.Range(0, n).Select(i => i % classCount).ToArray();
        double[] informative = GaussianSamples.Standard(n, random).Select((v, i) => v + shift * labels[i]).ToArray();
        var units = new List<double[]> { informative };
        for (int u = 0; u < noiseUnits; u++)
            units.Add(GaussianSamples.Standard(n, random).Select((v, i) => u % 2 == 0 ? v : Math.Max(0, v)).ToArray());
        return (units.ToArray(), labels);
    }

    [Fact]
    public void Finds_the_informative_unit_and_not_the_noise_units()
    {
        (double[][] units, int[] labels) = Layer(n: 400, noiseUnits: 20, shift: 1.0, classCount: 2, seed: 21);
        double[][] copula = GaussianCopulaMutualInformation.Normalize(units, seed: 0, "layer");

        UnitSignificance result = UnitPermutationTest.Run(copula, labels, 2, permutations: 1000, alpha: 0.05, seed: 0);

        Assert.True(result.Significant[0]);
        Assert.Equal(1.0 / 1001, result.PValues[0], 15);
        Assert.True(result.Bits[0] > 0.1, $"informative unit: {result.Bits[0]} bits");
        for (int u = 1; u < units.Length; u++)
        {
            Assert.False(result.Significant[u], $"noise unit {u}: p = {result.PValues[u]}");
            Assert.True(result.PValues[u] > 0.05);
        }
        Assert.Equal(1, result.SignificantCount);
        Assert.Equal(1000, result.MaxNullBits.Length);
    }

    [Fact]
    public void Constant_units_are_skipped_with_p_one()
    {
        (double[][] units, int[] labels) = Layer(n: 100, noiseUnits: 1, shift: 2.0, classCount: 2, seed: 22);
        double[]?[] copula = [.. GaussianCopulaMutualInformation.Normalize(units, 0, "layer"), null];
        UnitSignificance result = UnitPermutationTest.Run(copula, labels, 2, permutations: 50, alpha: 0.05, seed: 0);
        Assert.Equal(0, result.Bits[2]);
        Assert.Equal(1, result.PValues[2]);
        Assert.False(result.Significant[2]);
        Assert.True(result.Significant[0]);
    }

    /// <summary>
    /// The fast path (per-class sums gathered by index for each permuted label vector) against a naive
    /// re-run of the full model-comparison estimator on every permutation, with ReLU ties and an
    /// uneven three-class split: identical permutations, values equal to 1e-12, p-values equal.
    /// </summary>
    [Fact]
    public void The_fast_path_equals_a_naive_recomputation()
    {
        const int permutations = 25, seed = 9;
        (double[][] units, int[] labels) = Layer(n: 61, noiseUnits: 4, shift: 0.7, classCount: 3, seed: 23);
        double[][] copula = GaussianCopulaMutualInformation.Normalize(units, seed: 1, "layer");

        UnitSignificance fast = UnitPermutationTest.Run(copula, labels, 3, permutations, alpha: 0.05, seed);

        double[] observed = copula.Select(u => GaussianMutualInformation.WithLabels([u], labels, 3)).ToArray();
        double[] maxNull = UnitPermutationTest.LabelPermutations(labels, permutations, seed)
            .Select(permuted => copula.Max(u => GaussianMutualInformation.WithLabels([u], permuted, 3)))
            .ToArray();
        for (int u = 0; u < copula.Length; u++)
        {
            Assert.Equal(observed[u], fast.Bits[u], 1e-12);
            double naiveP = (1.0 + maxNull.Count(m => m >= observed[u])) / (1.0 + permutations);
            Assert.Equal(naiveP, fast.PValues[u]);
        }
        for (int r = 0; r < permutations; r++)
            Assert.Equal(maxNull[r], fast.MaxNullBits[r], 1e-12);
        Assert.Contains(fast.PValues, p => p < 1); // the comparison covered counts other than zero
    }

    [Fact]
    public void Permutations_are_seeded_and_keep_the_labels()
    {
        int[] labels = [0, 0, 0, 1, 1, 2, 2, 2, 2];
        int[][] first = UnitPermutationTest.LabelPermutations(labels, 5, 1).Select(p => p.ToArray()).ToArray();
        int[][] again = UnitPermutationTest.LabelPermutations(labels, 5, 1).Select(p => p.ToArray()).ToArray();
        int[][] other = UnitPermutationTest.LabelPermutations(labels, 5, 2).Select(p => p.ToArray()).ToArray();
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.All(first, p => Assert.Equal(labels.Order(), p.Order()));
    }
}
