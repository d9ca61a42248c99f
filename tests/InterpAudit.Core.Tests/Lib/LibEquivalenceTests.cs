using InterpAudit.Lib;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static InterpAudit.Tests.Lib.LibNetworks;

namespace InterpAudit.Tests.Lib;

/// <summary>
/// The LIB measurement against the one it replaced (<see cref="AutogradLocalInteractionBasis"/>: autograd for
/// every gradient, LIB and PCA heads always apart): every figure, basis and edge matrix equal to the last
/// bit (compared as the bits of each double, so that even a changed sign of zero shows), on the sample's
/// trained MLP and on random chains of two to four layers with every activation, float32 and float64, with
/// batches that do not divide the samples (down to a one-sample batch). Dense sections (Linear, then ReLU)
/// take the new path; the others (tanh, sigmoid, leaky ReLU, a section starting at a Linear's output) show
/// that the fallback is the former code.
/// </summary>
public sealed class LibEquivalenceTests
{
    [Fact]
    public void The_sample_MLP_gives_the_former_results_to_the_last_bit()
    {
        using var model = nn.Sequential(("fc1", nn.Linear(784, 64)), ("relu1", nn.ReLU()), ("fc2", nn.Linear(64, 64)), ("relu2", nn.ReLU()), ("fc3", nn.Linear(64, 10)));
        string root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "InterpAudit.sln"))) root = Path.GetDirectoryName(root)!;
        model.load(Path.Combine(root, "tests", "fixtures", "MnistWeights", "mnist-mlp.weights"));
        // Stroke-like inputs: a digit's ink covers a fifth of the 28×28 pixels, the border is blank.
        // 600 samples: batches of 256, 256 and 88.
        var random = new Random(4);
        const int samples = 600;
        var inputs = new float[samples * 784];
        for (int s = 0; s < samples; s++)
            for (int p = 0; p < 784; p++)
            {
                int row = p / 28, column = p % 28;
                bool inner = row is >= 4 and < 24 && column is >= 6 and < 22;
                if (inner && random.NextDouble() < 0.3) inputs[s * 784 + p] = (float)(0.3 + 0.7 * random.NextDouble());
            }
        AssertSameResults(model, tensor(inputs, [samples, 784]), ["relu1", "relu2"], batchSize: 256);
    }

    [Theory]
    [InlineData(31, "relu", 2, false, 300, 64)]
    [InlineData(32, "relu", 3, false, 129, 64)] // the last batch has one sample
    [InlineData(33, "relu", 4, true, 300, 128)]
    [InlineData(34, "tanh", 3, false, 300, 64)]
    [InlineData(35, "sigmoid", 3, true, 200, 64)]
    [InlineData(36, "leaky", 4, false, 300, 100)]
    [InlineData(37, "none", 3, false, 250, 64)]
    [InlineData(38, "none", 4, true, 250, 64)]
    public void Random_chains_give_the_former_results_to_the_last_bit(int seed, string activation, int depth, bool float64, int samples, int batchSize)
    {
        var random = new Random(seed);
        int[] widths = [12, .. Enumerable.Range(0, depth - 1).Select(_ => random.Next(5, 11)), 4];
        var modules = new List<(string, nn.Module<Tensor, Tensor>)>();
        var audited = new List<string>();
        ScalarType dtype = float64 ? ScalarType.Float64 : ScalarType.Float32;
        for (int l = 0; l < depth; l++)
        {
            var linear = Linear(Gaussian(random, widths[l + 1], widths[l], 0.6), Vector(random, widths[l + 1]));
            modules.Add(($"fc{l + 1}", linear.to(dtype)));
            if (l == depth - 1) break;
            nn.Module<Tensor, Tensor>? act = activation switch
            {
                "relu" => nn.ReLU(),
                "tanh" => nn.Tanh(),
                "sigmoid" => nn.Sigmoid(),
                "leaky" => nn.LeakyReLU(0.1),
                _ => null,
            };
            if (act is null)
                audited.Add($"fc{l + 1}"); // Linear → Linear: each section is one Linear
            else
            {
                modules.Add(($"act{l + 1}", act));
                // Every other chain also audits a Linear's output: its section starts with an activation.
                audited.Add(seed % 2 == 0 && l == 0 ? $"fc{l + 1}" : $"act{l + 1}");
            }
        }
        using var model = nn.Sequential(modules.ToArray());
        Tensor inputs = tensor(Gaussian(random, samples, 12)).to_type(dtype);
        AssertSameResults(model, inputs, audited.ToArray(), batchSize);
    }

    [Fact]
    public void A_skip_around_the_section_keeps_to_autograd_with_the_former_results()
    {
        var random = new Random(40);
        using var model = new SkipMlp(random);
        AssertSameResults(model, tensor(Gaussian(random, 300, 12)).to_type(ScalarType.Float32), ["relu1", "relu2"], batchSize: 64);
    }

    internal static void AssertSameResults(nn.Module<Tensor, Tensor> model, Tensor inputs, string[] layers, int batchSize)
    {
        LibAnalysis now = LocalInteractionBasis.Measure(Stream(model, inputs, batchSize), layers, new LibOptions());
        LibAnalysis before = AutogradLocalInteractionBasis.Measure(Stream(model, inputs, batchSize), layers, new LibOptions());

        Assert.Equal(before.Result.Tau, now.Result.Tau);
        Assert.Equal(before.Result.InputSamples, now.Result.InputSamples);
        Assert.Equal(before.Result.Layers.Count, now.Result.Layers.Count);
        for (int l = 0; l < before.Result.Layers.Count; l++)
        {
            LibLayerResult b = before.Result.Layers[l], n = now.Result.Layers[l];
            // Seconds and the accumulation's time are clocks; everything else must be equal.
            Assert.Equal(b with { Seconds = 0, AccumulationSeconds = 0, LibSpectrum = Array.Empty<double>(), PcaSpectrum = Array.Empty<double>() },
                n with { Seconds = 0, AccumulationSeconds = 0, LibSpectrum = Array.Empty<double>(), PcaSpectrum = Array.Empty<double>() });
            AssertBits(b.LibSpectrum, n.LibSpectrum, $"{b.Layer} Λ");
            AssertBits(b.PcaSpectrum, n.PcaSpectrum, $"{b.Layer} PCA spectrum");
        }
        for (int p = 0; p < before.Result.Interactions.Count; p++)
        {
            LibInteractionResult b = before.Result.Interactions[p], n = now.Result.Interactions[p];
            Assert.Equal((b.FromLayer, b.ToLayer, b.LibEdges90, b.PcaEdges90), (n.FromLayer, n.ToLayer, n.LibEdges90, n.PcaEdges90));
            AssertBits([b.SparsityGain, b.LibEdgeMass, b.PcaEdgeMass, b.LibConstantEdgeMass, b.PcaConstantEdgeMass],
                [n.SparsityGain, n.LibEdgeMass, n.PcaEdgeMass, n.LibConstantEdgeMass, n.PcaConstantEdgeMass], $"{b.FromLayer} masses");
            Assert.Equal(b.LibTopEdges, n.LibTopEdges);
            Assert.Equal(b.PcaTopEdges, n.PcaTopEdges);
            AssertBits(b.LibMassBySource, n.LibMassBySource, "LIB mass by source");
            AssertBits(b.PcaMassByTarget, n.PcaMassByTarget, "PCA mass by target");
        }
        for (int l = 0; l < before.Bases.Count; l++)
        {
            LibLayerBasis b = before.Bases[l], n = now.Bases[l];
            Assert.Equal(b.Layer, n.Layer);
            AssertBits(b.Mean, n.Mean, $"{b.Layer} mean");
            AssertBits(b.Lib, n.Lib, $"{b.Layer} C");
            AssertBits(b.LibInverse, n.LibInverse, $"{b.Layer} C⁺");
            AssertBits(b.Pca, n.Pca, $"{b.Layer} axes");
        }
        for (int p = 0; p < before.Edges.Count; p++)
        {
            AssertBits(before.Edges[p].Lib, now.Edges[p].Lib, $"{before.Edges[p].FromLayer} LIB edges");
            AssertBits(before.Edges[p].Pca, now.Edges[p].Pca, $"{before.Edges[p].FromLayer} PCA edges");
        }
    }

    private static void AssertBits(IReadOnlyList<double> expected, IReadOnlyList<double> actual, string what)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int k = 0; k < expected.Count; k++)
            if (BitConverter.DoubleToInt64Bits(expected[k]) != BitConverter.DoubleToInt64Bits(actual[k]))
                Assert.Fail($"{what}[{k}]: {actual[k]:R}, expected {expected[k]:R} (the former implementation's)");
    }

    private static void AssertBits(double[,] expected, double[,] actual, string what)
    {
        Assert.Equal((expected.GetLength(0), expected.GetLength(1)), (actual.GetLength(0), actual.GetLength(1)));
        AssertBits(expected.Cast<double>().ToArray(), actual.Cast<double>().ToArray(), what);
    }

    /// <summary>relu2 = relu(fc2(h1)) + h1: the section relu1 → relu2 has a skip, so it is not dense.</summary>
    internal sealed class SkipMlp : nn.Module<Tensor, Tensor>
    {
        private readonly Linear _fc1, _fc2, _fc3;
        private readonly ReLU _relu1 = nn.ReLU(), _inner = nn.ReLU();
        private readonly Identity _relu2 = nn.Identity();

        public SkipMlp(Random random) : base(nameof(SkipMlp))
        {
            _fc1 = Linear(Gaussian(random, 8, 12, 0.6), Vector(random, 8)).to(ScalarType.Float32);
            _fc2 = Linear(Gaussian(random, 8, 8, 0.6), Vector(random, 8)).to(ScalarType.Float32);
            _fc3 = Linear(Gaussian(random, 4, 8, 0.6), Vector(random, 4)).to(ScalarType.Float32);
            register_module("fc1", _fc1);
            register_module("relu1", _relu1);
            register_module("fc2", _fc2);
            register_module("inner", _inner);
            register_module("relu2", _relu2);
            register_module("fc3", _fc3);
        }

        public override Tensor forward(Tensor input)
        {
            Tensor h1 = _relu1.call(_fc1.call(input));
            Tensor h2 = _relu2.call(_inner.call(_fc2.call(h1)) + h1);
            return _fc3.call(h2);
        }
    }
}
