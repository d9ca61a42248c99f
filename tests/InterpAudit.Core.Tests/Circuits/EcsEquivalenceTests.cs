using InterpAudit.Circuits;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace InterpAudit.Tests.Circuits;

/// <summary>
/// The incremental exact mode against the definition run literally: one full float64 forward pass
/// through libtorch per weight, on small random networks.
/// </summary>
public sealed class EcsEquivalenceTests
{
    [Theory]
    [InlineData(1, "relu")]
    [InlineData(2, "relu")]
    [InlineData(3, "tanh")]
    [InlineData(4, "leaky")]
    public void Incremental_exact_mode_prunes_the_same_weights_as_a_full_forward_per_weight(int seed, string activation)
    {
        torch.manual_seed(seed);
        nn.Module<Tensor, Tensor> Activation() => activation switch
        {
            "tanh" => nn.Tanh(),
            "leaky" => nn.LeakyReLU(0.1),
            _ => nn.ReLU(),
        };
        var model = nn.Sequential(("fc1", nn.Linear(6, 5)), ("act1", Activation()), ("fc2", nn.Linear(5, 4)), ("act2", Activation()), ("fc3", nn.Linear(4, 3)));
        model.eval();
        var random = new Random(seed);
        const int samples = 36;
        var inputs = new float[samples, 6];
        var labels = new long[samples];
        for (int s = 0; s < samples; s++)
        {
            labels[s] = random.Next(3);
            // Input 5 is blank everywhere and about a third of the rest are zero: both shortcuts run.
            for (int i = 0; i < 5; i++) inputs[s, i] = random.NextDouble() < 0.35 ? 0 : (float)(2 * random.NextDouble() - 1);
        }
        var stream = new InterpAudit.Capture.ActivationStream(model, size => TinyModels.Batches(inputs, labels, size), CPU, 8, 3);
        CapturedChain captured = ChainCapture.Capture(stream, 1000);

        long zeroedTotal = 0, weights = 0;
        for (int y = 0; y < 3; y++)
        {
            PruningOutcome incremental = GreedyCircuitPruning.Run(captured.Chain, captured.Classes[y]);
            bool[][] reference = NaivePruning(model, inputs, labels, y);
            for (int l = 0; l < 3; l++)
                for (int k = 0; k < reference[l].Length; k++)
                    Assert.True(reference[l][k] == incremental.Pruned.IsZeroed(l, k), $"class {y}, layer {l}, weight {k}");
            zeroedTotal += incremental.Pruned.Count;
            weights += captured.Chain.WeightCount;
        }
        Assert.InRange(zeroedTotal, 1, weights - 1); // a comparison of all-or-nothing sets would prove little
    }

    /// <summary>The definition, literally: zero, run the whole model in float64, restore if the loss rose.</summary>
    private static bool[][] NaivePruning(nn.Module<Tensor, Tensor> model, float[,] inputs, long[] labels, int y)
    {
        int[] rows = Enumerable.Range(0, labels.Length).Where(s => labels[s] == y).ToArray();
        int width = inputs.GetLength(1);
        var x = new double[rows.Length * width];
        for (int r = 0; r < rows.Length; r++)
            for (int i = 0; i < width; i++) x[r * width + i] = inputs[rows[r], i];
        Tensor data = tensor(x, [rows.Length, width]);
        Tensor target = full([rows.Length], y, dtype: ScalarType.Int64);

        var copy = nn.Sequential(
            ("fc1", nn.Linear(6, 5, dtype: ScalarType.Float64)), ("act1", Child(model, "act1")),
            ("fc2", nn.Linear(5, 4, dtype: ScalarType.Float64)), ("act2", Child(model, "act2")),
            ("fc3", nn.Linear(4, 3, dtype: ScalarType.Float64)));
        Linear[] source = model.named_modules().Select(m => m.module).OfType<Linear>().ToArray();
        Linear[] layers = copy.named_modules().Select(m => m.module).OfType<Linear>().ToArray();
        using var _ = no_grad();
        for (int l = 0; l < 3; l++)
        {
            layers[l].weight!.copy_(source[l].weight!.to_type(ScalarType.Float64));
            layers[l].bias!.copy_(source[l].bias!.to_type(ScalarType.Float64));
        }
        double Loss() => nn.functional.cross_entropy(copy.forward(data), target).item<double>();
        double original = Loss();
        var zeroed = new bool[3][];
        for (int l = 2; l >= 0; l--)
        {
            Tensor w = layers[l].weight!;
            long outputs = w.shape[0], ins = w.shape[1];
            zeroed[l] = new bool[outputs * ins];
            for (long o = 0; o < outputs; o++)
                for (long i = 0; i < ins; i++)
                {
                    double kept = w[o, i].item<double>();
                    w[o, i] = 0.0;
                    if (Loss() <= original + 1e-9 * original) zeroed[l][o * ins + i] = true;
                    else w[o, i] = kept;
                }
        }
        return zeroed;
    }

    private static nn.Module<Tensor, Tensor> Child(nn.Module<Tensor, Tensor> model, string name) =>
        (nn.Module<Tensor, Tensor>)model.named_modules().Single(m => m.name == name).module;
}
