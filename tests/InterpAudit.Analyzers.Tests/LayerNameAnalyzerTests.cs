using Verify = InterpAudit.Analyzers.Tests.Verifiers.AnalyzerVerifier<InterpAudit.Analyzers.LayerNameAnalyzer>;

namespace InterpAudit.Analyzers.Tests;

public sealed class LayerNameAnalyzerTests
{
    /// <summary>
    /// A model with every way a sub-module gets its name: register_module with a literal and with a
    /// constant, a field (RegisterComponents), a property, [ComponentName], a nested source module
    /// (dotted names), and a library container whose children cannot be seen.
    /// </summary>
    private const string Model = """
        using TorchSharp;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        public sealed class Block : nn.Module<Tensor, Tensor>
        {
            private readonly Linear fc = nn.Linear(4, 4);
            public Block() : base(nameof(Block)) => RegisterComponents();
            public override Tensor forward(Tensor x) => fc.call(x);
        }

        public sealed class Net : nn.Module<Tensor, Tensor>
        {
            private const string OutputName = "head";
            private readonly Linear _fc1 = nn.Linear(4, 4);
            private readonly Linear _fc2 = nn.Linear(4, 4);
            private readonly Block block0 = new();
            [TorchSharp.Utils.ComponentName(Name = "act")] private readonly ReLU _relu = nn.ReLU();
            public Sequential Tail { get; } = nn.Sequential(("drop", nn.Dropout()));

            public Net() : base(nameof(Net))
            {
                register_module("fc1", _fc1);
                register_module(OutputName, _fc2);
                RegisterComponents();
            }

            public override Tensor forward(Tensor x) => _fc2.call(block0.call(_fc1.call(x)));
        }
        """;

    [Theory]
    [InlineData("fc1")]
    [InlineData("head")]
    [InlineData("block0")]
    [InlineData("block0.fc")]
    [InlineData("act")]
    [InlineData("Tail")]
    [InlineData("Tail.drop")]
    public Task A_layer_the_model_has_is_not_reported(string layer) =>
        Verify.VerifyAsync(Model + $$"""

            [InterpAudit.InterpretabilityAudit("a")]
            [ProbeCheck("{{layer}}", MinBits = 1)]
            public sealed class A : AuditBase
            {
                public override nn.Module<Tensor, Tensor> CreateModel() => new Net();
            }
            """);

    [Fact]
    public Task A_layer_the_model_lacks_is_reported_at_its_argument_with_the_names_it_has() =>
        Verify.VerifyAsync(Model + """

            [InterpAudit.InterpretabilityAudit("a")]
            [ProbeCheck({|#0:"fc3"|}, MinBits = 1)]
            [PairCheck("fc1", {|#1:"block0.fc9"|}, MaxOverlap = 1)]
            [ProbeCheck(layer: {|#2:"Block0"|}, MinBits = 1)]
            public sealed class A : AuditBase
            {
                public override nn.Module<Tensor, Tensor> CreateModel()
                {
                    return new Net();
                }
            }
            """,
            Verify.Diagnostic(Rules.UnknownLayer).WithLocation(0)
                .WithArguments("fc3", "Net", "'fc1', 'head', '_fc1', '_fc2', 'block0', 'block0.fc', 'act'"),
            Verify.Diagnostic(Rules.UnknownLayer).WithLocation(1)
                .WithArguments("block0.fc9", "Net", "'fc1', 'head', '_fc1', '_fc2', 'block0', 'block0.fc', 'act'"),
            Verify.Diagnostic(Rules.UnknownLayer).WithLocation(2)
                .WithArguments("Block0", "Net", "'fc1', 'head', '_fc1', '_fc2', 'block0', 'block0.fc', 'act'"));

    [Fact]
    public Task Each_name_in_an_array_of_layers_is_checked() =>
        Verify.VerifyAsync(Model + """

            [InterpAudit.InterpretabilityAudit("a")]
            [InterpAudit.LibCheck(Layers = {|#0:new[] { "fc1", "fc9" }|}, MaxFeatures99 = 40)]
            public sealed class A : AuditBase
            {
                public override nn.Module<Tensor, Tensor> CreateModel() => new Net();
            }
            """,
            Verify.Diagnostic(Rules.UnknownLayer).WithLocation(0)
                .WithArguments("fc9", "Net", "'fc1', 'head', '_fc1', '_fc2', 'block0', 'block0.fc', 'act'"));

    [Fact]
    public Task CreateModel_in_a_base_class_is_followed() =>
        Verify.VerifyAsync(Model + """

            public abstract class NetAudit : AuditBase
            {
                public override nn.Module<Tensor, Tensor> CreateModel() => new Net();
            }

            [InterpAudit.InterpretabilityAudit("a")]
            [ProbeCheck({|IA0005:"fc4"|}, MinBits = 1)]
            public sealed class A : NetAudit;
            """);

    [Theory]
    [InlineData("=> nn.Sequential((\"fc1\", nn.Linear(4, 4)));")]                  // a library module: names unknown
    [InlineData("=> Build();  private static Net Build() => new Net();")]             // not a plain `new`
    [InlineData("{ var net = new Net(); return net; }")]                               // more than one statement
    public Task Nothing_is_reported_when_CreateModel_is_not_a_plain_new_of_a_source_module(string body) =>
        Verify.VerifyAsync(Model + $$"""

            [InterpAudit.InterpretabilityAudit("a")]
            [ProbeCheck("no-such-layer", MinBits = 1)]
            public sealed class A : AuditBase
            {
                public override nn.Module<Tensor, Tensor> CreateModel() {{body}}
            }
            """);

    [Fact]
    public Task Nothing_is_reported_when_a_registered_name_is_not_a_constant() =>
        Verify.VerifyAsync("""
            using TorchSharp;
            using static TorchSharp.torch;

            public sealed class Stack : nn.Module<Tensor, Tensor>
            {
                public Stack(int depth) : base(nameof(Stack))
                {
                    for (int i = 0; i < depth; i++) register_module($"layer{i}", nn.Linear(4, 4));
                }
                public override Tensor forward(Tensor x) => x;
            }

            [InterpAudit.InterpretabilityAudit("a")]
            [ProbeCheck("layer7", MinBits = 1)]
            public sealed class A : AuditBase
            {
                public override nn.Module<Tensor, Tensor> CreateModel() => new Stack(3);
            }
            """);

    [Fact]
    public Task Nothing_is_reported_for_checks_without_layers() =>
        Verify.VerifyAsync(Model + """

            [InterpAudit.InterpretabilityAudit("a")]
            [InterpAudit.AccuracyCheck(Min = 0.5, Class = "fc9")]
            public sealed class A : AuditBase
            {
                public override nn.Module<Tensor, Tensor> CreateModel() => new Net();
            }
            """);
}
