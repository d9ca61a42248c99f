using InterpAudit.Lib;
using TorchSharp;
using static TorchSharp.torch;
using static InterpAudit.Tests.Lib.LibNetworks;

namespace InterpAudit.Tests.Lib;

/// <summary>
/// Convolutional layers (spec lib.md "Cost"): every spatial position is a sample of the layer's
/// channels, so a network of 1×1 convolutions is exactly a dense network applied to positions, and a
/// convolution that mixes channels through a rank-2 map leaves exactly two computationally relevant
/// directions however the kernel spreads them over space.
/// </summary>
public sealed class LibConvolutionTests
{
    private static double[,,,] Pointwise(double[,] weight)
    {
        var kernel = new double[weight.GetLength(0), weight.GetLength(1), 1, 1];
        for (int o = 0; o < weight.GetLength(0); o++)
            for (int i = 0; i < weight.GetLength(1); i++)
                kernel[o, i, 0, 0] = weight[o, i];
        return kernel;
    }

    /// <summary>[N, C, H, W] → [N·H·W, C], the positions as rows in the order LibTensors flattens them.</summary>
    private static Tensor PositionsAsSamples(Tensor images) => images.movedim([1], [-1]).reshape(-1, images.shape[1]);

    [Fact]
    public void Pointwise_convolutions_measure_as_the_dense_network_on_every_position()
    {
        var random = new Random(11);
        double[,] w1 = Gaussian(random, 8, 5, 0.6), w2 = Gaussian(random, 4, 8, 0.6);
        double[] b1 = Vector(random, 8), b2 = Vector(random, 4);
        var convolutional = nn.Sequential(("conv1", Convolution(Pointwise(w1), b1)), ("act", nn.Tanh()), ("conv2", Convolution(Pointwise(w2), b2)));
        var dense = nn.Sequential(("conv1", Linear(w1, b1)), ("act", nn.Tanh()), ("conv2", Linear(w2, b2)));
        Tensor images = tensor(Gaussian(random, 40 * 5, 9)).reshape(40, 5, 3, 3);

        LibAnalysis conv = Measure(convolutional, images, ["act"]);
        LibAnalysis flat = Measure(dense, PositionsAsSamples(images), ["act"]);

        LibLayerResult c = conv.Result.Layers.Single(), f = flat.Result.Layers.Single();
        Assert.Equal(360, c.Samples); // 40 images × 9 positions
        Assert.Equal(f.Samples, c.Samples);
        Assert.Equal(f.LibFeatures, c.LibFeatures);
        Assert.Equal(f.PcaFeatures, c.PcaFeatures);
        AssertClose(f.LibSpectrum, c.LibSpectrum);
        AssertClose(f.PcaSpectrum, c.PcaSpectrum);
        // The feature-to-feature edges are per-position sums too; the constant column is per input sample
        // (summed over positions), so it is the one part that legitimately differs.
        double[,] convEdges = conv.Edges.Single().Lib, flatEdges = flat.Edges.Single().Lib;
        Assert.Equal(flatEdges.GetLength(0), convEdges.GetLength(0));
        Assert.Equal(flatEdges.GetLength(1), convEdges.GetLength(1));
        double scale = flatEdges.Cast<double>().Max();
        for (int target = 0; target < flatEdges.GetLength(0); target++)
            for (int source = 1; source < flatEdges.GetLength(1); source++)
                Assert.True(Math.Abs(flatEdges[target, source] - convEdges[target, source]) <= 1e-9 * scale,
                    $"edge {target}<-{source}: dense {flatEdges[target, source]}, convolution {convEdges[target, source]}");
    }

    /// <summary>
    /// conv2's weight is Σ_r u_r v_rᵀ ⊗ K_r (r = 1, 2): whatever the 3×3 kernels K_r, the output depends
    /// on the 8 channels of each position only through v₁·x and v₂·x, so every gradient lies in
    /// span(v₁, v₂) and LIB keeps exactly 2 features, while the tanh layer's covariance has full rank 8.
    /// </summary>
    [Fact]
    public void Convolution_with_rank_two_channel_mixing_keeps_two_lib_features_and_pca_keeps_eight()
    {
        var random = new Random(12);
        var first = new double[8, 3, 3, 3];
        double[,] w = Gaussian(random, 8, 27, 0.4);
        for (int o = 0; o < 8; o++)
            for (int t = 0; t < 27; t++)
                first[o, t / 9, t % 9 / 3, t % 3] = w[o, t];
        double[,] u = Gaussian(random, 2, 5), v = Gaussian(random, 2, 8), k = Gaussian(random, 2, 9);
        var second = new double[5, 8, 3, 3];
        for (int o = 0; o < 5; o++)
            for (int i = 0; i < 8; i++)
                for (int p = 0; p < 9; p++)
                    second[o, i, p / 3, p % 3] = u[0, o] * v[0, i] * k[0, p] + u[1, o] * v[1, i] * k[1, p];
        var model = nn.Sequential(("conv1", Convolution(first, Vector(random, 8))), ("act", nn.Tanh()), ("conv2", Convolution(second, Vector(random, 5))));
        Tensor images = tensor(Gaussian(random, 30 * 3, 25)).reshape(30, 3, 5, 5);

        LibLayerResult layer = Measure(model, images, ["act"]).Result.Layers.Single();

        Assert.Equal(30 * 25, layer.Samples);
        Assert.Equal(2, layer.LibFeatures);
        Assert.Equal(8, layer.PcaFeatures);
    }

    private static void AssertClose(IReadOnlyList<double> expected, IReadOnlyList<double> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-8 * Math.Abs(expected[0]),
                $"value {i}: dense {expected[i]}, convolution {actual[i]}");
    }
}
