using InterpAudit.Capture;
using InterpAudit.Checks;
using InterpAudit.Diagnostics;
using InterpAudit.Lib;
using InterpAudit.Results;
using TorchSharp;
using static TorchSharp.torch;

namespace InterpAudit.Tests.Lib;

/// <summary>
/// LibCheck through the real pipeline: a float32 TorchSharp model, an <see cref="ActivationStream"/> in
/// batches, the check catalog, the context's measurement cache and its progress lines.
/// </summary>
public sealed class LibCheckEndToEndTests
{
    private sealed class Lines : IProgress<string>
    {
        public List<string> Seen { get; } = [];

        public void Report(string value) => Seen.Add(value);
    }

    private static CheckContext Context(Lines progress)
    {
        torch.manual_seed(7);
        var model = nn.Sequential(("fc1", nn.Linear(6, 12)), ("relu", nn.ReLU()), ("fc2", nn.Linear(12, 3)));
        model.eval();
        Tensor data = randn(300, 6);
        IEnumerable<LabelledBatch> Batches(int size)
        {
            for (int start = 0; start < 300; start += size)
            {
                int n = Math.Min(size, 300 - start);
                yield return new LabelledBatch(data.narrow(0, start, n).clone(), zeros(n, dtype: ScalarType.Int64));
            }
        }
        return new CheckContext(new ActivationStream(model, Batches, CPU, batchSize: 64, classCount: 1), ["only"], seed: 0, progress);
    }

    [Fact]
    public void Lib_check_orders_layers_by_the_forward_pass_and_judges_each_bound()
    {
        var progress = new Lines();
        CheckContext context = Context(progress);
        // Declared out of order: the forward pass reaches fc1 before relu.
        var attribute = new LibCheckAttribute { Layers = ["relu", "fc1"], MaxFeatures99 = 12, MaxLibFeatures = 12, MaxEdges90 = 1000, MinSparsityGain = 1000 };
        var declaration = new CheckDeclaration(nameof(LibCheckAttribute), 0);
        ICheck check = CheckCatalog.Default.For(attribute, declaration);
        Assert.IsType<LibCheck>(check);
        Assert.Empty(check.Validate(attribute, context));
        Assert.Equal(["relu", "fc1"], check.Layers(attribute));

        List<CheckResult> results = check.Evaluate(attribute, declaration, context).ToList();

        LibResult measured = Assert.IsType<LibResult>(Assert.Single(context.Measurements).Value);
        Assert.Equal(["fc1", "relu"], measured.Layers.Select(l => l.Layer));
        Assert.Equal([("fc1", "relu"), ("relu", "output")], measured.Interactions.Select(i => (i.FromLayer, i.ToLayer)));
        Assert.Equal(1e-10, measured.Tau);
        Assert.Equal(300, measured.InputSamples);
        // Into the 3 logits: at most 3 directions of relu matter; fc1 → relu is a ReLU, so more may.
        Assert.InRange(measured.Layers[1].LibFeatures, 1, 3);
        Assert.Equal(6, measured.Layers[0].PcaFeatures); // fc1 maps 6 inputs: rank 6
        Assert.All(measured.Layers, l => Assert.Equal(l.LibSpectrum.Count, l.LibFeatures));
        Assert.All(measured.Interactions, i => Assert.True(double.IsFinite(i.SparsityGain) && i.LibEdges90 >= 1));

        Assert.Equal(["layer=fc1", "layer=fc1", "layer=relu", "layer=relu", "layers=fc1,relu", "layers=fc1,relu", "layers=relu,output", "layers=relu,output"],
            results.Select(r => r.Scope));
        Assert.All(results.Where(r => r.Metric != "sparsityGain"), r => Assert.Equal(Verdict.Pass, r.Verdict));
        CheckResult gain = results.First(r => r.Metric == "sparsityGain");
        Assert.Equal(Verdict.Fail, gain.Verdict);
        Assert.Equal("IA1104", gain.Code);
        Assert.Contains("sparsityGain(layers=fc1,relu)", gain.Message);
        Assert.Equal("IA1102", results.Single(r => r.Metric == "libFeatures99" && r.Scope == "layer=fc1").Code);

        // One progress line per layer, with elapsed time and rate.
        Assert.Equal(2, progress.Seen.Count(l => l.StartsWith("lib ") && l.Contains(" s (") && l.Contains("samples/s")));
    }

    [Theory]
    [InlineData(new string[0], 1.0, "Layers is empty")]
    [InlineData(new[] { "fc1", "fc1" }, 1.0, "listed twice")]
    [InlineData(new[] { "fc1", "output" }, 1.0, "model output")]
    [InlineData(new[] { "fc1" }, double.NaN, "none of MaxLibFeatures")]
    [InlineData(new[] { "fc1" }, -1.0, "MinSparsityGain = -1 is below 0")]
    public void Lib_check_declarations_are_validated(string[] layers, double minGain, string problem)
    {
        var attribute = new LibCheckAttribute { Layers = layers, MinSparsityGain = minGain };
        List<string> problems = CheckCatalog.Default.For(attribute, new CheckDeclaration(nameof(LibCheckAttribute), 0))
            .Validate(attribute, Context(new Lines())).ToList();
        Assert.Contains(problems, p => p.Contains(problem));
    }
}
