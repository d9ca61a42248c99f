using InterpAudit.Ablation;
using InterpAudit.Capture;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace InterpAudit.Tests.Ablation;

/// <summary>
/// Ablation of a convolutional layer: its units are channels (dimension 1), every spatial position of
/// a channel is ablated together, and a channel's mean is over samples and positions. The conv layer
/// is ablated (its outputs are the co-clustered units); ReLU passes zeros and the means below through.
/// The network: inputs [N, 2, 3, 3]; conv 1×1 copies input channel 0 into channels 0 and 1 and input
/// channel 1 into channels 2 and 3; ReLU; global average pooling; logits
/// (c0 + c1 − c2 − c3, c2 + c3 − c0 − c1, 0.05). Class a lights input channel 0, class b channel 1,
/// class "none" nothing, so the clean network is always right.
/// </summary>
public sealed class AblationConvolutionTests
{
    private const int PerClass = 6;

    private static nn.Module<Tensor, Tensor> Network()
    {
        var conv = nn.Conv2d(2, 4, 1);
        var head = nn.Linear(4, 3);
        using (no_grad())
        {
            conv.weight!.copy_(tensor(new float[] { 1, 0, 1, 0, 0, 1, 0, 1 }, [4, 2, 1, 1]));
            conv.bias!.zero_();
            head.weight!.copy_(tensor(new float[] { 1, 1, -1, -1, -1, -1, 1, 1, 0, 0, 0, 0 }, [3, 4]));
            head.bias!.copy_(tensor(new float[] { 0, 0, 0.05f }));
        }
        return nn.Sequential(("conv", conv), ("relu", nn.ReLU()), ("pool", nn.AdaptiveAvgPool2d(1)), ("flat", nn.Flatten()), ("head", head));
    }

    private static IEnumerable<LabelledBatch> Batches(int size)
    {
        int n = 3 * PerClass;
        for (int start = 0; start < n; start += size)
        {
            int b = Math.Min(size, n - start);
            var x = new float[b * 2 * 9];
            var y = new long[b];
            for (int i = 0; i < b; i++)
            {
                y[i] = (start + i) % 3;
                if (y[i] < 2)
                    for (int p = 0; p < 9; p++) x[i * 18 + (int)y[i] * 9 + p] = 1;
            }
            yield return new LabelledBatch(tensor(x, [b, 2, 3, 3]), tensor(y, [b]));
        }
    }

    private static ClusterAblationResult Measure(int batchSize)
    {
        var model = Network();
        model.eval();
        var stream = new ActivationStream(model, Batches, CPU, batchSize, 3);
        return ClusterAblation.Measure(stream, "conv", [[0, 1], [2, 3]], ["a", "b", "none"], new AblationOptions(20, 0));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(18)]
    public void Channels_are_the_units_and_zero_and_mean_ablation_give_their_derived_answers(int batchSize)
    {
        ClusterAblationResult result = Measure(batchSize);

        Assert.Equal([1.0, 1.0, 1.0], result.CleanAccuracy);
        // Zeroing channels 0–1 leaves class a with logits (0, 0, 0.05): "none". Nothing else moves.
        Assert.Equal([-1.0, 0.0, 0.0], result.Zero.Delta[0]);
        Assert.Equal([0.0, -1.0, 0.0], result.Zero.Delta[1]);
        // A channel's mean over samples and positions is 1/3 (lit on a third of the samples). Replacing
        // channels 0–1 by 1/3 keeps class a right (2/3 > 0.05) and b right, but moves "none" to a.
        Assert.All(result.UnitMeans, m => Assert.Equal(1 / 3.0, m, 1e-12));
        Assert.Equal([0.0, 0.0, -1.0], result.Mean.Delta[0]);
        Assert.Equal([0.0, 0.0, -1.0], result.Mean.Delta[1]);
    }
}
