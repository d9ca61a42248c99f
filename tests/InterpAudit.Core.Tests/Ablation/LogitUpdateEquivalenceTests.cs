using InterpAudit.Ablation;
using InterpAudit.Capture;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace InterpAudit.Tests.Ablation;

/// <summary>
/// Counting the ablation variants from the updated logits (<see cref="LogitUpdateAccuracy"/>) against
/// pushing every variant through the model (<see cref="AblatedAccuracy"/>, the way it was measured
/// before #18's point 3, kept as the reference): the same correct count for every variant and class,
/// on random chains, on chains built to tie, and on the sample's committed MLP.
/// </summary>
public sealed class LogitUpdateEquivalenceTests
{
    [Theory]
    [InlineData(31, "relu", 12, 20, 7, 5)]
    [InlineData(32, "leaky", 9, 16, 16, 3)]
    [InlineData(33, "identity", 6, 8, 10, 4)]
    [InlineData(34, "relu", 20, 40, 24, 10)]
    [InlineData(35, "leaky", 15, 30, 12, 2)]
    public void Random_chains_count_every_variant_as_the_forward_pass_does(int seed, string activation, int inputs, int hidden, int last, int classes)
    {
        var random = new Random(seed);
        torch.manual_seed(seed);
        var model = nn.Sequential(("fc1", nn.Linear(inputs, hidden)), ("act1", Activation(activation)),
            ("fc2", nn.Linear(hidden, last)), ("act2", Activation(activation)), ("head", nn.Linear(last, classes)));
        model.eval();
        var data = RandomData(random, samples: 300, inputs, classes);
        IReadOnlyList<int>[] clusters = Partition(random, last, parts: 3);

        AssertSameCounts(model, data, classes, "fc2", clusters, batchSize: 64, expectTies: false);
    }

    [Fact]
    public void A_chain_of_small_integers_ties_often_and_the_ties_are_settled_as_the_forward_pass_settles_them()
    {
        // Weights in {−1, 0, 1}, inputs in {0, 1}, zero biases: every logit is an integer, so exact ties
        // between the top two are common; argmax takes the first of them, in float32 as in float64. Each
        // tie must go to the head itself, never be decided from the update.
        var random = new Random(41);
        var model = nn.Sequential(("fc1", Integer(random, 10, 12)), ("relu1", nn.ReLU()), ("fc2", Integer(random, 12, 12)),
            ("relu2", nn.ReLU()), ("head", Integer(random, 12, 4)));
        model.eval();
        var inputs = new float[200, 10];
        var labels = new long[200];
        for (int s = 0; s < 200; s++)
        {
            for (int i = 0; i < 10; i++) inputs[s, i] = random.Next(2);
            labels[s] = random.Next(4);
        }

        LogitUpdateAccuracy updated = AssertSameCounts(model, (inputs, labels), 4, "fc2", Partition(random, 12, parts: 3), batchSize: 50, expectTies: true);
        Assert.True(updated.Recomputed > 0);
    }

    [Fact]
    public void A_difference_float32_rounds_away_is_recomputed_through_the_head_not_decided_in_float64()
    {
        // logit₀ = a₀, logit₁ = a₀ + 2⁻³⁰·a₁ at a = (1, 1): 1 + 2⁻³⁰ rounds to 1 in float32, whatever order
        // the product sums in, so the forward pass ties and argmax picks class 0; float64 would pick 1.
        var fc = nn.Linear(2, 2);
        var head = nn.Linear(2, 2);
        using (no_grad())
        {
            fc.weight!.copy_(eye(2));
            fc.bias!.zero_();
            head.weight!.copy_(tensor(new float[] { 1, 0, 1, MathF.ScaleB(1, -30) }, [2, 2]));
            head.bias!.zero_();
        }
        var model = nn.Sequential(("fc", fc), ("relu", nn.ReLU()), ("head", head));
        model.eval();
        var data = (new float[,] { { 1, 1 }, { 1, 1 } }, new long[] { 0, 0 });

        LogitUpdateAccuracy updated = AssertSameCounts(model, data, 2, "fc", [[0], [1]], batchSize: 2, expectTies: true);
        // The clean variant: both samples right, as float32 has it.
        Assert.Equal([2L, 0L], updated.Correct[0][0]);
    }

    [Fact]
    public void The_sample_MLP_counts_every_variant_as_the_forward_pass_does()
    {
        using var model = nn.Sequential(("fc1", nn.Linear(784, 64)), ("relu1", nn.ReLU()), ("fc2", nn.Linear(64, 64)), ("relu2", nn.ReLU()), ("fc3", nn.Linear(64, 10)));
        string root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "InterpAudit.sln"))) root = Path.GetDirectoryName(root)!;
        model.load(Path.Combine(root, "tests", "fixtures", "MnistWeights", "mnist-mlp.weights"));
        model.eval();

        // Stroke-like inputs, as ECS's equivalence test draws them: ink on a fifth of the inner pixels.
        var random = new Random(6);
        const int samples = 1000;
        var inputs = new float[samples, 784];
        var labels = new long[samples];
        for (int s = 0; s < samples; s++)
        {
            for (int p = 0; p < 784; p++)
                if (p / 28 is >= 4 and < 24 && p % 28 is >= 6 and < 22 && random.NextDouble() < 0.3)
                    inputs[s, p] = (float)(0.3 + 0.7 * random.NextDouble());
            labels[s] = random.Next(10);
        }
        IReadOnlyList<int>[] blocks = Enumerable.Range(0, 4).Select(c => (IReadOnlyList<int>)Enumerable.Range(16 * c, 16).ToArray()).ToArray();

        AssertSameCounts(model, (inputs, labels), 10, "fc2", blocks, batchSize: 256, expectTies: false);
    }

    [Theory]
    [InlineData("tanh")]
    [InlineData("log-softmax")]
    [InlineData("skip")]
    [InlineData("negated")]
    public void A_readout_that_is_not_exact_activations_then_the_logits_layer_is_measured_by_forward_passes(string readout)
    {
        var fc = nn.Linear(4, 4);
        var head = nn.Linear(4, 3);
        nn.Module<Tensor, Tensor> model = readout switch
        {
            "tanh" => nn.Sequential(("fc", fc), ("act", nn.Tanh()), ("head", head)),
            "log-softmax" => nn.Sequential(("fc", fc), ("act", nn.ReLU()), ("head", head), ("out", nn.LogSoftmax(1))),
            _ => new Functional(fc, head, negate: readout == "negated"),
        };
        model.eval();
        var random = new Random(3);
        ClusterAblationResult result = ClusterAblation.Measure(AblationNetworks.Stream(model, RandomData(random, 40, 4, 3), 3), "fc",
            [[0, 1], [2, 3]], ["a", "b", "c"], new AblationOptions(RandomSets: 3));

        Assert.False(result.LogitUpdate);
        Assert.Equal(0, result.RecomputedPredictions);
    }

    /// <summary>
    /// What hooks cannot see: head(relu(fc(x)) + relu(x)), where the head's input is not the activations
    /// of the layer's output, or −head(relu(fc(x))), where the logits are not the head's output.
    /// </summary>
    private sealed class Functional : nn.Module<Tensor, Tensor>
    {
        private readonly Linear _fc, _head;
        private readonly ReLU _relu = nn.ReLU();
        private readonly bool _negate;

        public Functional(Linear fc, Linear head, bool negate) : base(nameof(Functional))
        {
            (_fc, _head, _negate) = (fc, head, negate);
            register_module("fc", _fc);
            register_module("relu", _relu);
            register_module("head", _head);
        }

        public override Tensor forward(Tensor input) => _negate
            ? -_head.call(_relu.call(_fc.call(input)))
            : _head.call(_relu.call(_fc.call(input)) + torch.nn.functional.relu(input));
    }

    private static LogitUpdateAccuracy AssertSameCounts(nn.Module<Tensor, Tensor> model, (float[,] Inputs, long[] Labels) data, int classes,
        string layer, IReadOnlyList<IReadOnlyList<int>> clusters, int batchSize, bool expectTies)
    {
        ActivationStream stream = AblationNetworks.Stream(model, data, classes, batchSize);
        var units = LayerUnits.Of(stream.Layers.Resolve(layer, "test"));
        using Tensor means = UnitMeans.Measure(stream, layer, units);
        var random = new Random(clusters.Count);
        var variants = new List<AblationVariant> { AblationVariant.Clean };
        foreach (AblationKind kind in new[] { AblationKind.Zero, AblationKind.Mean })
        {
            variants.AddRange(clusters.Select(c => new AblationVariant(c, kind)));
            // Random sets of every size, as the measurement's random sets are.
            variants.AddRange(clusters.SelectMany(c => RandomUnitSets.Draw(units.Count, c.Count, 6, random.Next())).Select(set => new AblationVariant(set, kind)));
        }

        (long[][][] counted, bool stacked) = AblatedAccuracy.Count(stream, layer, units, means, [variants], classes, maxRowsPerForward: 16_384);
        LogitUpdateAccuracy? updated = LogitUpdateAccuracy.Count(stream, layer, units, means, [variants], classes);

        Assert.True(stacked);
        Assert.NotNull(updated);
        long[][] reference = counted[0];
        for (int v = 0; v < variants.Count; v++)
            Assert.True(reference[v].SequenceEqual(updated.Correct[0][v]),
                $"variant {v} ({variants[v].Kind}, units {string.Join(" ", variants[v].Units)}): forward pass [{string.Join(", ", reference[v])}], update [{string.Join(", ", updated.Correct[0][v])}]");
        // The counts must not be trivially equal: some variants move some class.
        Assert.Contains(reference.Skip(1), counts => !counts.SequenceEqual(reference[0]));
        if (!expectTies)
            Assert.InRange(updated.Recomputed, 0, variants.Count * data.Labels.Length / 1000 + 1);
        return updated;
    }

    private static nn.Module<Tensor, Tensor> Activation(string name) => name switch
    {
        "relu" => nn.ReLU(),
        "leaky" => nn.LeakyReLU(0.1),
        _ => nn.Identity(),
    };

    private static Linear Integer(Random random, int inputs, int outputs)
    {
        var linear = nn.Linear(inputs, outputs);
        using (no_grad())
        {
            linear.weight!.copy_(tensor(Enumerable.Range(0, inputs * outputs).Select(_ => (float)random.Next(-1, 2)).ToArray(), [outputs, inputs]));
            linear.bias!.zero_();
        }
        return linear;
    }

    private static (float[,] Inputs, long[] Labels) RandomData(Random random, int samples, int inputs, int classes)
    {
        var x = new float[samples, inputs];
        var y = new long[samples];
        for (int s = 0; s < samples; s++)
        {
            for (int i = 0; i < inputs; i++) x[s, i] = (float)(random.NextDouble() * 2 - 1);
            y[s] = random.Next(classes);
        }
        return (x, y);
    }

    /// <summary>The units in <paramref name="parts"/> clusters of uneven sizes, shuffled.</summary>
    private static IReadOnlyList<int>[] Partition(Random random, int units, int parts)
    {
        int[] order = Enumerable.Range(0, units).OrderBy(_ => random.Next()).ToArray();
        // Position i goes to part min(i mod (parts + 1), parts − 1): the last part gets twice the others' share.
        return Enumerable.Range(0, parts).Select(p => (IReadOnlyList<int>)order.Where((_, i) => Math.Min(i % (parts + 1), parts - 1) == p).Order().ToArray()).ToArray();
    }
}
