using InterpAudit.Lib;
using TorchSharp;
using static TorchSharp.torch;
using static InterpAudit.Tests.Lib.LibNetworks;

namespace InterpAudit.Tests.Lib;

/// <summary>The spec's ground truths (lib.md, "Ground truths for tests") on float64 networks.</summary>
public sealed class LibGroundTruthTests
{
    /// <summary>y = W2 W1 x + b with hidden width 16 and W2 = A B of rank 4.</summary>
    private static nn.Module<Tensor, Tensor> LowRankNetwork(Random random, int inputs)
    {
        double[,] w2 = Multiply(Gaussian(random, 10, 4), Gaussian(random, 4, 16));
        return nn.Sequential(("fc1", Linear(Gaussian(random, 16, inputs, 0.5), Vector(random, 16))), ("fc2", Linear(w2, Vector(random, 10))));
    }

    [Theory]
    [InlineData(20, 16)] // ≥ 16 independent input dimensions: the hidden covariance has full rank 16
    [InlineData(8, 8)]   // an 8-dimensional input: the hidden covariance has rank 8
    public void Low_rank_network_keeps_four_lib_features_and_pca_keeps_the_covariance_rank(int inputs, int expectedPca)
    {
        var random = new Random(1);
        var model = LowRankNetwork(random, inputs);
        LibLayerResult layer = Measure(model, Gaussian(random, 600, inputs), ["fc1"]).Result.Layers.Single();
        Assert.Equal(4, layer.LibFeatures);
        Assert.Equal(expectedPca, layer.PcaFeatures);
        Assert.Equal(16, layer.Units);
    }

    /// <summary>
    /// Two 3-4-2 tanh networks side by side. On the Cartesian product of the blocks' inputs the blocks are
    /// exactly uncorrelated, so every LIB feature lies in one block and no edge crosses (spec: &lt; 1e-12
    /// of the total). With independently drawn samples the sample covariance couples the blocks a
    /// little, so the cross-block mass is sampling noise, not 0.
    /// </summary>
    private static (nn.Module<Tensor, Tensor> Model, double[,] Product, double[,] Independent) BlockDiagonal()
    {
        var random = new Random(5);
        double[,] w1 = new double[8, 6], w2 = new double[4, 8];
        for (int block = 0; block < 2; block++)
        {
            double[,] a = Gaussian(random, 4, 3), b = Gaussian(random, 2, 4);
            for (int i = 0; i < 4; i++) for (int j = 0; j < 3; j++) w1[4 * block + i, 3 * block + j] = a[i, j];
            for (int i = 0; i < 2; i++) for (int j = 0; j < 4; j++) w2[2 * block + i, 4 * block + j] = b[i, j];
        }
        var model = nn.Sequential(("fc1", Linear(w1, Vector(random, 8))), ("act", nn.Tanh()), ("fc2", Linear(w2, Vector(random, 4))));
        double[,] left = Gaussian(random, 64, 3), right = Gaussian(random, 64, 3);
        var product = new double[64 * 64, 6];
        for (int p = 0; p < 64; p++)
            for (int q = 0; q < 64; q++)
                for (int j = 0; j < 3; j++)
                {
                    product[64 * p + q, j] = left[p, j];
                    product[64 * p + q, 3 + j] = right[q, j];
                }
        return (model, product, Gaussian(random, 4000, 6));
    }

    /// <summary>The block (0: units 0–3, 1: units 4–7) holding most of a feature's column of C, and the share of the other.</summary>
    private static (int Block, double Leak) Block(double[,] c, int column)
    {
        double[] mass = new double[2];
        for (int unit = 0; unit < 8; unit++) mass[unit / 4] += c[unit, column] * c[unit, column];
        int block = mass[1] > mass[0] ? 1 : 0;
        return (block, mass[1 - block] / (mass[0] + mass[1]));
    }

    private static double CrossBlockFraction(LibAnalysis analysis)
    {
        double[,] c = analysis.Bases.Single().Lib, e = analysis.Edges.Single().Lib;
        double cross = 0, total = 0;
        for (int target = 0; target < e.GetLength(0); target++)
            for (int source = 1; source < e.GetLength(1); source++)
            {
                total += e[target, source];
                int sourceBlock = Block(c, source - 1).Block;
                if (sourceBlock != target / 2) cross += e[target, source];
            }
        return cross / total;
    }

    [Fact]
    public void Block_diagonal_network_on_a_product_data_set_has_no_cross_block_edges()
    {
        var (model, product, _) = BlockDiagonal();
        LibAnalysis analysis = Measure(model, product, ["act"]);
        double[,] c = analysis.Bases.Single().Lib;
        Assert.Equal(4, c.GetLength(1)); // 2 outputs per block: 2 + 2 relevant directions
        for (int k = 0; k < c.GetLength(1); k++)
            Assert.True(Block(c, k).Leak < 1e-20, $"feature {k + 1} has {Block(c, k).Leak:G3} of its weight in the other block");
        Assert.True(CrossBlockFraction(analysis) < 1e-12, $"cross-block fraction {CrossBlockFraction(analysis):G3}");
    }

    [Fact]
    public void Block_diagonal_network_on_independent_samples_has_cross_block_noise_not_zero()
    {
        var (model, _, independent) = BlockDiagonal();
        double fraction = CrossBlockFraction(Measure(model, independent, ["act"]));
        Assert.InRange(fraction, 1e-9, 1e-2); // sampling noise (the spec measured ≈ 3e-4 at N = 4,000)
    }

    /// <summary>
    /// W1 → A W1, W2 → W2 A⁻¹ with a non-orthogonal A leaves the function and the LIB spectrum unchanged
    /// (whitening removes A), while the PCA spectrum (variances of A h) changes.
    /// </summary>
    private static (LibLayerResult Original, LibLayerResult Reparameterised) Reparameterised(LibOptions options)
    {
        var random = new Random(11);
        double[,] w1 = Gaussian(random, 16, 20, 0.5), w2 = Gaussian(random, 10, 16), x = Gaussian(random, 800, 20);
        double[] b1 = Vector(random, 16), b2 = Vector(random, 10);
        double[,] a = Gaussian(random, 16, 16, 0.3);
        for (int i = 0; i < 16; i++) a[i, i] += 1.5;
        using Tensor at = tensor(a), inverse = linalg.inv(at);
        double[,] aInverse = ToMatrix(inverse);
        var original = nn.Sequential(("fc1", Linear(w1, b1)), ("fc2", Linear(w2, b2)));
        var changed = nn.Sequential(
            ("fc1", Linear(Multiply(a, w1), Multiply(a, Column(b1)).Cast<double>().ToArray())),
            ("fc2", Linear(Multiply(w2, aInverse), b2)));
        return (Measure(original, x, ["fc1"], options).Result.Layers.Single(), Measure(changed, x, ["fc1"], options).Result.Layers.Single());
    }

    private static double[,] Column(double[] v)
    {
        var c = new double[v.Length, 1];
        for (int i = 0; i < v.Length; i++) c[i, 0] = v[i];
        return c;
    }

    private static double[,] ToMatrix(Tensor t)
    {
        double[] flat = t.contiguous().data<double>().ToArray();
        int n = (int)t.shape[0], m = (int)t.shape[1];
        var result = new double[n, m];
        for (int i = 0; i < n; i++) for (int j = 0; j < m; j++) result[i, j] = flat[i * m + j];
        return result;
    }

    private static double RelativeDifference(IReadOnlyList<double> a, IReadOnlyList<double> b) =>
        a.Count != b.Count ? double.PositiveInfinity : a.Zip(b, (x, y) => Math.Abs(x - y)).Max() / a.Max();

    [Fact]
    public void Lib_spectrum_is_invariant_under_reparameterisation_and_pca_is_not()
    {
        var (original, changed) = Reparameterised(new LibOptions());
        Assert.Equal(10, original.LibFeatures);
        Assert.True(RelativeDifference(original.LibSpectrum, changed.LibSpectrum) < 1e-8,
            $"LIB spectra differ by {RelativeDifference(original.LibSpectrum, changed.LibSpectrum):G3}");
        Assert.True(RelativeDifference(original.PcaSpectrum, changed.PcaSpectrum) > 1e-2);
    }

    /// <summary>
    /// Spec "Pitfalls": M' must be float64. The same invariance with M' accumulated in float32 misses the
    /// 1e-8 bound, so the test above would catch a float32 accumulator. The float32 M' even has negative
    /// eigenvalues beyond float64 round-off (≈ −2e-8 of the largest here), which the measurement refuses
    /// rather than taking |λ| (also "Pitfalls"); either way the bound fails.
    /// </summary>
    [Fact]
    public void A_float32_jacobian_gram_breaks_the_invariance_bound()
    {
        double difference;
        try
        {
            var (original, changed) = Reparameterised(new LibOptions { AccumulatorType = ScalarType.Float32 });
            difference = RelativeDifference(original.LibSpectrum, changed.LibSpectrum);
        }
        catch (InvalidOperationException e) when (e.Message.Contains("not positive semi-definite"))
        {
            difference = double.PositiveInfinity;
        }
        Assert.True(difference > 1e-8, $"float32 LIB spectra differ by only {difference:G3}");
    }
}
