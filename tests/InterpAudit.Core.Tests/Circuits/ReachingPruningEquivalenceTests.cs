using InterpAudit.Circuits;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace InterpAudit.Tests.Circuits;

/// <summary>
/// The exact pass that follows only the weights still reaching the logits against the dense pass it
/// replaced (<see cref="DenseGreedyPruning"/>): the same zeroed weights and the same losses to the
/// last bit, on random chains of two to five layers with every activation, and on the sample's
/// trained MLP.
/// </summary>
public sealed class ReachingPruningEquivalenceTests
{
    [Theory]
    [InlineData(11, "Relu", 2)]
    [InlineData(12, "Relu", 3)]
    [InlineData(13, "Relu", 4)]
    [InlineData(14, "Relu", 5)]
    [InlineData(15, "LeakyRelu", 3)]
    [InlineData(16, "Tanh", 4)]
    [InlineData(17, "Sigmoid", 3)]
    [InlineData(18, "Identity", 3)]
    [InlineData(19, "Tanh", 5)]
    [InlineData(20, "LeakyRelu", 5)]
    public void Random_chains_prune_the_same_weights_with_the_same_losses(int seed, string activationKind, int depth)
    {
        ActivationKind kind = Enum.Parse<ActivationKind>(activationKind);
        var random = new Random(seed);
        int[] widths = [12, .. Enumerable.Range(0, depth - 1).Select(_ => random.Next(5, 11)), 4];
        var activation = new ElementwiseActivation(kind.ToString(), kind, NegativeSlope: 0.1);
        var layers = new ChainLayer[depth];
        for (int l = 0; l < depth; l++)
        {
            int outputs = widths[l + 1], fanIn = widths[l];
            // A fifth of the weights start at zero, as a trained sparse layer's would.
            double[] weight = Enumerable.Range(0, outputs * fanIn).Select(_ => random.NextDouble() < 0.2 ? 0 : (random.NextDouble() * 2 - 1) * 3).ToArray();
            double[] bias = Enumerable.Range(0, outputs).Select(_ => random.NextDouble() * 0.4 - 0.2).ToArray();
            layers[l] = new ChainLayer($"fc{l + 1}", outputs, fanIn, weight, bias, l == depth - 1 ? ElementwiseActivation.Identity : activation);
        }
        var chain = new LinearChain(layers);

        // Each class is the samples the chain itself puts in it, so the logits carry the label and
        // pruning keeps some weights of every layer (a random chain on random labels loses nothing by
        // losing everything).
        const int pool = 600, width = 12;
        double[] inputs = Enumerable.Range(0, pool * width)
            .Select(k => k % width == width - 1 || random.NextDouble() < 0.4 ? 0 : random.NextDouble() * 2 - 1).ToArray();
        double[] logits = ChainActivations.Compute(chain, chain.CopyWeights(), new ClassInputs(0, pool, width, inputs)).Z[^1];
        var zeroedPerLayer = new long[depth];
        int classesTried = 0;
        for (int label = 0; label < 4; label++)
        {
            int[] members = Enumerable.Range(0, pool).Where(s => ArgMax(logits.AsSpan(s * 4, 4)) == label).Take(40).ToArray();
            if (members.Length < 8) continue;
            classesTried++;
            double[] rows = members.SelectMany(s => inputs.Skip(s * width).Take(width)).ToArray();
            PrunedWeights pruned = AssertSameOutcome(chain, new ClassInputs(label, members.Length, width, rows));
            for (int l = 0; l < depth; l++) zeroedPerLayer[l] += pruned.CountInLayer(l);
        }
        Assert.True(classesTried >= 2, $"only {classesTried} classes had samples");
        // All-or-nothing layers would prove little. The first layer may go whole: per class, a sigmoid
        // chain's biases alone can favour the class more than its inputs do.
        for (int l = 1; l < depth; l++)
            Assert.InRange(zeroedPerLayer[l], 1, classesTried * (long)layers[l].WeightCount - 1);
    }

    [Fact]
    public void A_trial_adds_each_units_changes_in_ascending_order_of_source_as_the_dense_pass_does()
    {
        // x → h1 (two copies) → h2 (the copies crossed: h2₀ ← h1₁, h2₁ ← h1₀) → logits. A change of the
        // first unit reaches h2₁ before h2₀, and logit 0 = Z + 1 − 1e16 depends on the order of its terms
        // in float64: 0 in ascending order of h2's units, 1 the other way round.
        ElementwiseActivation identity = ElementwiseActivation.Identity;
        var chain = new LinearChain([
            new ChainLayer("fc1", 1, 1, [1], [0], identity),
            new ChainLayer("fc2", 2, 1, [1, 1], [0, 0], identity),
            new ChainLayer("fc3", 2, 2, [0, 1, 1, 0], [0, 0], identity),
            new ChainLayer("fc4", 2, 2, [-1, 1e16, 0, 0], [0, 0], identity),
        ]);
        var samples = new ClassInputs(0, 1, 1, [1]);
        ChainActivations state = ChainActivations.Compute(chain, chain.CopyWeights(), samples);
        var changes = new TrialChanges(chain, 0, 1);

        double loss = changes.Propagate(state, ReachingWeights.Of(chain, chain.CopyWeights(), 0), unit: 0, moved: -1, sample: 0, slot: 0, label: 0);

        double ascending = state.Z[3][0] + -1 * -1.0 + -1 * 1e16;
        Assert.Equal(0, ascending); // the case is one where the order shows
        Assert.Equal(BitConverter.DoubleToInt64Bits(DenseKernels.CrossEntropy([ascending, 0], 0)), BitConverter.DoubleToInt64Bits(loss));
    }

    private static int ArgMax(ReadOnlySpan<double> values)
    {
        int best = 0;
        for (int k = 1; k < values.Length; k++)
            if (values[k] > values[best]) best = k;
        return best;
    }

    [Fact]
    public void The_sample_MLP_prunes_the_same_weights_with_the_same_losses()
    {
        using var model = nn.Sequential(("fc1", nn.Linear(784, 64)), ("relu1", nn.ReLU()), ("fc2", nn.Linear(64, 64)), ("relu2", nn.ReLU()), ("fc3", nn.Linear(64, 10)));
        string root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "InterpAudit.sln"))) root = Path.GetDirectoryName(root)!;
        model.load(Path.Combine(root, "tests", "fixtures", "MnistWeights", "mnist-mlp.weights"));
        Linear[] linear = model.named_modules().Select(m => m.module).OfType<Linear>().ToArray();
        var relu = new ElementwiseActivation("relu", ActivationKind.Relu);
        var chain = new LinearChain(linear.Select((layer, l) => new ChainLayer(
            $"fc{l + 1}", (int)layer.weight!.shape[0], (int)layer.weight.shape[1],
            layer.weight.to_type(ScalarType.Float64).data<double>().ToArray(),
            layer.bias!.to_type(ScalarType.Float64).data<double>().ToArray(),
            l == linear.Length - 1 ? ElementwiseActivation.Identity : relu)).ToArray());

        // Stroke-like inputs: a digit's ink covers a fifth of the 28×28 pixels, the border is blank.
        var random = new Random(4);
        const int samples = 60;
        double[] inputs = new double[samples * 784];
        for (int s = 0; s < samples; s++)
            for (int p = 0; p < 784; p++)
            {
                int row = p / 28, column = p % 28;
                bool inner = row is >= 4 and < 24 && column is >= 6 and < 22;
                if (inner && random.NextDouble() < 0.3) inputs[s * 784 + p] = 0.3 + 0.7 * random.NextDouble();
            }
        AssertSameOutcome(chain, new ClassInputs(3, samples, 784, inputs));
    }

    private static PrunedWeights AssertSameOutcome(LinearChain chain, ClassInputs samples)
    {
        PruningOutcome dense = DenseGreedyPruning.Run(chain, samples);
        PruningOutcome reaching = GreedyCircuitPruning.Run(chain, samples);
        for (int l = 0; l < chain.Layers.Count; l++)
            for (int k = 0; k < chain.Layers[l].WeightCount; k++)
                Assert.True(dense.Pruned.IsZeroed(l, k) == reaching.Pruned.IsZeroed(l, k), $"class {samples.Label}, layer {l}, weight {k}");
        Assert.Equal(BitConverter.DoubleToInt64Bits(dense.OriginalLoss), BitConverter.DoubleToInt64Bits(reaching.OriginalLoss));
        Assert.Equal(BitConverter.DoubleToInt64Bits(dense.PrunedLoss), BitConverter.DoubleToInt64Bits(reaching.PrunedLoss));
        // Trials into units that no longer reach the logits are the ones left out.
        Assert.InRange(reaching.LossEvaluations, 0, dense.LossEvaluations);
        return reaching.Pruned;
    }
}
