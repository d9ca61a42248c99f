using InterpAudit.Information;
using MathNet.Numerics.Distributions;

namespace InterpAudit.Tests.Information;

/// <summary>
/// The tie trap of spec mi.md step 1: on a class-sorted data set, a constant unit and a ReLU unit that
/// ignores the class must score ≈ 0 bits. Ranking ties in sample order would score them high (the spec
/// measured 0.733 and 0.254 bits), and these tests show that they do, so the tests can fail.
/// </summary>
public sealed class TieBreakingTests
{
    private const int PerClass = 500;
    private static readonly int[] ClassSorted = [.. Enumerable.Repeat(0, PerClass), .. Enumerable.Repeat(1, PerClass)];
    private static readonly double[] Constant = new double[2 * PerClass];
    private static readonly double[] ClassIndependentRelu =
        GaussianSamples.Standard(2 * PerClass, new Random(5)).Select(v => Math.Max(0, v)).ToArray();

    /// <summary>What the spec warns against: ties ranked in sample order (a stable sort).</summary>
    private static double[] SampleOrderCopula(double[] values)
    {
        int n = values.Length;
        int[] order = Enumerable.Range(0, n).OrderBy(i => values[i]).ToArray(); // LINQ's OrderBy is stable
        var result = new double[n];
        for (int rank = 0; rank < n; rank++) result[order[rank]] = Normal.InvCDF(0, 1, (rank + 1.0) / (n + 1));
        return result;
    }

    [Fact]
    public void A_class_independent_relu_unit_is_mostly_ties()
    {
        Assert.InRange(CopulaNormalization.TieFraction(ClassIndependentRelu), 0.4, 0.6);
        Assert.Equal(1.0, CopulaNormalization.TieFraction(Constant));
        Assert.Equal(0.0, CopulaNormalization.TieFraction([1.0, 2.0, 3.0]));
        Assert.Equal(0.5, CopulaNormalization.TieFraction([0.0, 0.0, 1.0, 2.0]));
    }

    [Fact]
    public void Random_tie_breaking_gives_a_constant_unit_no_information()
    {
        double bits = GaussianCopulaMutualInformation.WithLabels([Constant], ClassSorted, 2, seed: 0);
        Assert.InRange(bits, -0.01, 0.01);
        double sampleOrder = GaussianMutualInformation.WithLabels([SampleOrderCopula(Constant)], ClassSorted, 2);
        Assert.True(sampleOrder > 0.5, $"sample-order ties gave {sampleOrder} bits; the trap should show");
    }

    [Fact]
    public void Random_tie_breaking_gives_a_class_independent_relu_unit_no_information()
    {
        double bits = GaussianCopulaMutualInformation.WithLabels([ClassIndependentRelu], ClassSorted, 2, seed: 0);
        Assert.InRange(bits, -0.01, 0.01);
        double sampleOrder = GaussianMutualInformation.WithLabels([SampleOrderCopula(ClassIndependentRelu)], ClassSorted, 2);
        Assert.True(sampleOrder > 0.1, $"sample-order ties gave {sampleOrder} bits; the trap should show");
    }

    [Fact]
    public void The_layer_measurement_skips_the_constant_unit_and_finds_nothing_in_the_relu_unit()
    {
        LayerInformationResult result = LayerInformation.Measure("relu", [Constant, ClassIndependentRelu], ClassSorted, ["a", "b"],
            new InformationOptions { Permutations = 200, BootstrapResamples = 50 });

        Assert.Equal(1, result.ConstantUnitCount);
        Assert.Equal(1, result.Components);
        Assert.Equal(0, result.UnitBits[0]);
        Assert.Equal(1, result.UnitPValues[0]);
        Assert.InRange(result.UnitBits[1], -0.01, 0.01);
        Assert.True(result.UnitPValues[1] > 0.05);
        Assert.InRange(result.LabelBits, -0.01, 0.01);
        Assert.Equal(0, result.SignificantUnitFraction);
        Assert.Equal(1.0, result.TieFractions[0]);
        Assert.Equal(1.0, result.MaxTieFraction);
    }

    [Fact]
    public void Tie_breaking_is_seeded()
    {
        double[] a = CopulaNormalization.Transform(ClassIndependentRelu, new Random(3));
        double[] b = CopulaNormalization.Transform(ClassIndependentRelu, new Random(3));
        double[] c = CopulaNormalization.Transform(ClassIndependentRelu, new Random(4));
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        // Untied values keep their order whatever the seed.
        int largest = Array.IndexOf(ClassIndependentRelu, ClassIndependentRelu.Max());
        Assert.Equal(a.Max(), a[largest]);
        Assert.Equal(c.Max(), c[largest]);
    }
}
