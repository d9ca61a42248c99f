using System.Text.Json;
using InterpAudit.Auditing;
using InterpAudit.Checks;
using InterpAudit.Circuits;
using InterpAudit.Diagnostics;
using InterpAudit.Results;
using TorchSharp;
using static TorchSharp.torch;

namespace InterpAudit.Tests.Circuits;

/// <summary>The circuit check through the audit engine, on the paths network and on models it must refuse.</summary>
public sealed class CircuitCheckTests
{
    private sealed class Target(string weightsPath, Func<nn.Module<Tensor, Tensor>> create, bool leak = false) : IAuditTarget
    {
        public IReadOnlyList<string> ClassNames { get; } = ["a", "b", "c"];
        public string WeightsPath => weightsPath;
        public nn.Module<Tensor, Tensor> CreateModel() => create();

        public IEnumerable<LabelledBatch> EvaluationBatches(int batchSize)
        {
            var (inputs, labels) = CircuitNetworks.PathsData(perClass: 12, leak);
            return TinyModels.Batches(inputs, labels, batchSize);
        }
    }

    private static Target Saved(nn.Module<Tensor, Tensor> model, Func<nn.Module<Tensor, Tensor>> create, bool leak = false)
    {
        string path = TinyModels.TempFile(".weights");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        model.save(path);
        return new Target(path, create, leak);
    }

    private static AuditResult Run(IAuditTarget target, params AuditCheckAttribute[] checks) =>
        new AuditEngine(CheckCatalog.Default).Run(new AuditRequest(target, TinyModels.Weights, new InterpretabilityAuditAttribute("paths") { Seed = 1, BatchSize = 5 },
            checks.Select((c, i) => new DeclaredCheck(c, new CheckDeclaration(c.GetType().Name, i))).ToList(), "cpu", "test"));

    private static AuditResult RunPaths(bool leak, params AuditCheckAttribute[] checks) =>
        Run(Saved(CircuitNetworks.PathsModel(), () => CircuitNetworks.Architecture(), leak), checks);

    [Fact]
    public void Each_class_of_the_paths_network_gets_its_path_share_and_both_modes_agree()
    {
        AuditResult result = RunPaths(false,
            new CircuitCheckAttribute { MaxEcs = 0.1, MaxMeanEcs = 0.05, Mode = EcsMode.Both });

        Assert.Equal(
            [("ecs", "class=a", Verdict.Pass), ("ecs", "class=b", Verdict.Pass), ("ecs", "class=c", Verdict.Pass), ("meanEcs", "", Verdict.Fail)],
            result.Checks.Select(c => (c.Metric, c.Scope, c.Verdict)));
        Assert.All(result.Checks, c => Assert.Equal(10.0 / 102, c.Value, 14));
        Assert.Equal("IA1202", result.Checks[^1].Code);
        Assert.Matches(@"^meanEcs = 0\.10 > max 0\.05$", result.Checks[^1].Message);

        var exact = Assert.IsType<CircuitSizeResult>(result.Measurements["circuit:exact"]);
        var fast = Assert.IsType<CircuitSizeResult>(result.Measurements["circuit:fast"]);
        var agreement = Assert.IsType<CircuitAgreement>(result.Measurements["circuit:agreement"]);
        Assert.Equal("fc1 → relu1 → fc2 → relu2 → fc3", exact.Chain);
        Assert.Equal(["fc1", "fc2", "fc3"], exact.Layers);
        Assert.Equal(102, exact.Weights);
        Assert.Equal([12, 12, 12], exact.Classes.Select(c => c.Samples));
        Assert.Equal([4L, 4L, 2L], exact.Classes[0].ZeroedPerLayer.Select((z, l) => new[] { 48L, 36L, 18L }[l] - z));
        Assert.Equal(exact.Classes.Select(c => c.Ecs), fast.Classes.Select(c => c.Ecs));
        Assert.Equal(0, agreement.MeanAbsoluteDifference);
        Assert.Equal([1.0, 1.0, 1.0], agreement.Jaccard);
        Assert.Contains("measure:circuit:exact", result.TimingsSeconds.Keys);
    }

    [Fact]
    public void Fast_only_scopes_say_so_and_a_class_bound_judges_only_that_class()
    {
        AuditResult result = RunPaths(false,
            new CircuitCheckAttribute { Class = "b", MaxEcs = 0.05, Mode = EcsMode.Fast, MaxSamplesPerClass = 5 });

        CheckResult only = Assert.Single(result.Checks);
        Assert.Equal(("ecs", "class=b,mode=fast,samples=5", Verdict.Fail), (only.Metric, only.Scope, only.Verdict));
        Assert.Equal(["circuit:fast:samples=5"], result.Measurements.Keys.Where(k => k.StartsWith("circuit")));
        Assert.Equal(5, Assert.IsType<CircuitSizeResult>(result.Measurements["circuit:fast:samples=5"]).Classes[1].Samples);
    }

    [Fact]
    public void The_same_audit_twice_gives_the_same_figures()
    {
        AuditCheckAttribute check = new CircuitCheckAttribute { MaxMeanEcs = 1, Mode = EcsMode.Both };
        string Figures(AuditResult r) => JsonSerializer.Serialize(r.Measurements.Where(m => m.Key.StartsWith("circuit")).ToDictionary(),
            new JsonSerializerOptions { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals });
        string first = Figures(RunPaths(true, check)), second = Figures(RunPaths(true, check));
        Assert.Equal(first, second);
        Assert.Contains("\"Ecs\":", first);
        Assert.DoesNotContain("\"Pruned\"", first); // the zeroed sets stay out of metrics.json
    }

    [Theory]
    [InlineData(double.NaN, double.NaN, null, 1000, "neither MaxEcs nor MaxMeanEcs is set")]
    [InlineData(1.5, double.NaN, null, 1000, "MaxMeanEcs = 1.5 is outside [0, 1]")]
    [InlineData(double.NaN, -0.1, null, 1000, "MaxEcs = -0.1 is outside [0, 1]")]
    [InlineData(double.NaN, 0.5, "z", 1000, "Class = \"z\" is not a class name (expected one of \"a\", \"b\", \"c\")")]
    [InlineData(0.5, double.NaN, "a", 1000, "Class is set but MaxEcs is not")]
    [InlineData(0.5, double.NaN, null, 0, "MaxSamplesPerClass = 0 is below 1")]
    public void Invalid_declarations_are_IA3013_before_anything_is_measured(double maxMean, double max, string? className, int samples, string problem)
    {
        var e = Assert.Throws<AuditInputException>(() => RunPaths(false,
            new CircuitCheckAttribute { MaxMeanEcs = maxMean, MaxEcs = max, Class = className, MaxSamplesPerClass = samples }));
        Assert.Equal("IA3013", e.Code);
        Assert.Contains(problem, e.Message);
    }

    /// <summary>fc2 reads fc1's output plus the input: hooks see a plain chain, the logits do not match it.</summary>
    private sealed class Residual : nn.Module<Tensor, Tensor>
    {
        private readonly nn.Module<Tensor, Tensor> _fc1 = nn.Linear(8, 8), _relu = nn.ReLU(), _fc2 = nn.Linear(8, 3);

        public Residual() : base(nameof(Residual))
        {
            register_module("fc1", _fc1);
            register_module("relu", _relu);
            register_module("fc2", _fc2);
        }

        public override Tensor forward(Tensor input) => _fc2.call(_relu.call(_fc1.call(input)) + input);
    }

    public static TheoryData<string, string> Refused => new()
    {
        { "residual", "recomputing fc1 → relu → fc2 gives logits that differ from the model's" },
        { "layernorm", "'norm' (LayerNorm) runs between Linear layers; expected only element-wise activations" },
        { "softmax", "'softmax' (Softmax) ran after the last Linear layer; expected the last Linear layer's output to be the logits" },
        { "twoActivations", "two activations, 'relu' and 'tanh', run between the same Linear layers" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_model_that_is_not_a_chain_is_IA3026_at_the_declaration(string kind, string found)
    {
        Func<nn.Module<Tensor, Tensor>> create = kind switch
        {
            "residual" => () => new Residual(),
            "layernorm" => () => nn.Sequential(("fc1", nn.Linear(8, 6)), ("norm", nn.LayerNorm(6)), ("fc2", nn.Linear(6, 3))),
            "softmax" => () => nn.Sequential(("fc1", nn.Linear(8, 3)), ("softmax", nn.Softmax(1))),
            _ => () => nn.Sequential(("fc1", nn.Linear(8, 6)), ("relu", nn.ReLU()), ("tanh", nn.Tanh()), ("fc2", nn.Linear(6, 3))),
        };
        var e = Assert.Throws<AuditInputException>(() => Run(Saved(create(), create), new CircuitCheckAttribute { MaxMeanEcs = 0.5 }));
        Assert.Equal("IA3026", e.Code);
        Assert.Contains(found, e.Message);
        Assert.StartsWith("[CircuitCheck] needs a model whose Linear layers form one chain", e.Message);
        Assert.Equal(new CheckDeclaration(nameof(CircuitCheckAttribute), 0), e.Declaration);
    }

    /// <summary>
    /// What runs before the first Linear layer (here a convolution on the input as a 1-channel signal)
    /// is the chain's input: the chain and the visited weights are the Linear layers' only. A
    /// convolution between Linear layers breaks the chain.
    /// </summary>
    [Fact]
    public void A_convolutional_front_end_is_the_chains_input_and_a_convolution_inside_the_chain_is_IA3026()
    {
        const int pixels = CircuitNetworks.Pixels;
        static nn.Module<Tensor, Tensor> Front() => nn.Sequential(("unflatten", nn.Unflatten(1, [1, pixels])), ("conv", nn.Conv1d(1, 2, 3, padding: 1)),
            ("act", nn.ReLU()), ("flatten", nn.Flatten()), ("fc1", nn.Linear(2 * pixels, 6)), ("relu1", nn.ReLU()), ("fc2", nn.Linear(6, 3)));
        torch.manual_seed(3);
        AuditResult result = Run(Saved(Front(), Front), new CircuitCheckAttribute { MaxMeanEcs = 1 });

        var exact = Assert.IsType<CircuitSizeResult>(result.Measurements["circuit:exact"]);
        Assert.Equal("fc1 → relu1 → fc2", exact.Chain);
        Assert.Equal(["fc1", "fc2"], exact.Layers);
        Assert.Equal(2 * pixels * 6 + 6 * 3, exact.Weights);
        Assert.All(exact.Classes, c => Assert.InRange(c.Ecs, 0.0, 1.0));

        static nn.Module<Tensor, Tensor> Inside() => nn.Sequential(("fc1", nn.Linear(pixels, 6)), ("unflatten", nn.Unflatten(1, [1, 6])),
            ("conv", nn.Conv1d(1, 1, 3, padding: 1)), ("flatten", nn.Flatten()), ("fc2", nn.Linear(6, 3)));
        var e = Assert.Throws<AuditInputException>(() => Run(Saved(Inside(), Inside), new CircuitCheckAttribute { MaxMeanEcs = 1 }));
        Assert.Equal("IA3026", e.Code);
        Assert.Contains("runs between Linear layers; expected only element-wise activations", e.Message);
    }

    [Fact]
    public void The_catalog_finds_the_circuit_check()
    {
        Assert.Contains(typeof(CircuitCheckAttribute), CheckCatalog.Default.AttributeTypes);
    }
}
