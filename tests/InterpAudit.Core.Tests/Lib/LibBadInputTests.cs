using InterpAudit.Diagnostics;
using InterpAudit.Lib;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static InterpAudit.Tests.Lib.LibNetworks;

namespace InterpAudit.Tests.Lib;

/// <summary>Inputs LIB cannot measure are coded IA3xxx errors, not NaN figures.</summary>
public sealed class LibBadInputTests
{
    private static Sequential Mlp(Random random, double[,] w1, double[] b1) =>
        nn.Sequential(("fc1", Linear(w1, b1)), ("relu", nn.ReLU()), ("fc2", Linear(Gaussian(random, 3, 16), Vector(random, 3))));

    [Fact]
    public void A_layer_with_no_more_samples_than_units_is_IA3023()
    {
        var random = new Random(2);
        var model = Mlp(random, Gaussian(random, 16, 20), Vector(random, 16));
        var e = Assert.Throws<AuditInputException>(() => Measure(model, Gaussian(random, 12, 20), ["fc1"]));
        Assert.Equal(DiagnosticCodes.TooFewSamplesForLayer, e.Code);
        Assert.Contains("16 units but only 12 samples", e.Message);
    }

    [Fact]
    public void All_constant_activations_are_IA3025()
    {
        var random = new Random(3);
        double[] negative = Enumerable.Repeat(-1.0, 16).ToArray();
        var model = Mlp(random, new double[16, 20], negative); // every ReLU is dead: the layer is 0 everywhere
        var e = Assert.Throws<AuditInputException>(() => Measure(model, Gaussian(random, 100, 20), ["relu"]));
        Assert.Equal(DiagnosticCodes.ConstantActivations, e.Code);
    }

    /// <summary>A model whose forward detaches the hidden layer: fc2 depends on its parameters, not on fc1.</summary>
    private sealed class DetachingNetwork : nn.Module<Tensor, Tensor>
    {
        private readonly Linear _fc1, _fc2;

        public DetachingNetwork(Random random) : base(nameof(DetachingNetwork))
        {
            _fc1 = Linear(Gaussian(random, 16, 20), Vector(random, 16));
            _fc2 = Linear(Gaussian(random, 3, 16), Vector(random, 3));
            RegisterComponents();
        }

        public override Tensor forward(Tensor input)
        {
            using Tensor hidden = _fc1.call(input);
            return _fc2.call(hidden.detach());
        }
    }

    [Fact]
    public void A_section_that_is_not_differentiable_is_IA3024()
    {
        var random = new Random(4);
        var e = Assert.Throws<AuditInputException>(() => Measure(new DetachingNetwork(random), Gaussian(random, 100, 20), ["_fc1"]));
        Assert.Equal(DiagnosticCodes.SectionNotDifferentiable, e.Code);
        Assert.Contains("not differentiable", e.Message);
    }
}
