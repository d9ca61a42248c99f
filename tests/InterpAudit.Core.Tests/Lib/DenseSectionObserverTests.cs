using InterpAudit.Lib;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static InterpAudit.Tests.Lib.LibNetworks;

namespace InterpAudit.Tests.Lib;

/// <summary>
/// Which sections take <see cref="DenseSection"/>'s gradients: exactly those observed to be Linear (then
/// ReLU) from the leaf to the section's output, whatever the model's class; anything else keeps to autograd.
/// (That both paths give the same bits is <see cref="LibEquivalenceTests"/>; this shows the new one runs.)
/// </summary>
public sealed class DenseSectionObserverTests
{
    [Fact]
    public void A_linear_relu_section_and_a_last_linear_are_dense_in_every_batch()
    {
        using var model = Mlp(new Random(51), nn.ReLU(), nn.ReLU());
        Tensor data = tensor(Gaussian(new Random(52), 300, 12)).to_type(ScalarType.Float32);
        Assert.Equal([true, true, true, true, true], DenseBatches(model, data, "act1", "act2"));
        Assert.Equal([true, true, true, true, true], DenseBatches(model, data, "act2", null));
    }

    [Fact]
    public void Other_activations_and_a_section_starting_with_an_activation_keep_to_autograd()
    {
        Tensor data = tensor(Gaussian(new Random(53), 100, 12)).to_type(ScalarType.Float32);
        using var tanh = Mlp(new Random(54), nn.Tanh(), nn.Tanh());
        Assert.Equal([false, false], DenseBatches(tanh, data, "act1", "act2"));
        using var relu = Mlp(new Random(55), nn.ReLU(), nn.ReLU());
        Assert.Equal([false, false], DenseBatches(relu, data, "fc1", "act2"));
    }

    [Fact]
    public void A_skip_or_an_edit_in_place_between_the_modules_keeps_to_autograd()
    {
        Tensor data = tensor(Gaussian(new Random(56), 100, 12)).to_type(ScalarType.Float32);
        using var skip = new LibEquivalenceTests.SkipMlp(new Random(57));
        Assert.Equal([false, false], DenseBatches(skip, data, "relu1", "relu2"));
        using var edited = new EditedMlp(new Random(58));
        Assert.Equal([false, false], DenseBatches(edited, data, "relu1", "relu2"));
        // The edit changes the gradient (×2), which autograd sees and the dense form would not.
        LibEquivalenceTests.AssertSameResults(edited, data, ["relu1", "relu2"], batchSize: 64);
    }

    private static List<bool> DenseBatches(nn.Module<Tensor, Tensor> model, Tensor data, string layer, string? next)
    {
        var dense = new List<bool>();
        new SectionPass(Stream(model, data, 64), layer, next).Run(x => x, batch => dense.Add(batch.Dense is not null));
        return dense;
    }

    private static Sequential Mlp(Random random, nn.Module<Tensor, Tensor> act1, nn.Module<Tensor, Tensor> act2) =>
        nn.Sequential(
            ("fc1", Linear(Gaussian(random, 8, 12, 0.6), Vector(random, 8)).to(ScalarType.Float32)), ("act1", act1),
            ("fc2", Linear(Gaussian(random, 8, 8, 0.6), Vector(random, 8)).to(ScalarType.Float32)), ("act2", act2),
            ("fc3", Linear(Gaussian(random, 4, 8, 0.6), Vector(random, 4)).to(ScalarType.Float32)));

    /// <summary>relu2(2 · fc2(h1)), the doubling in place on fc2's output object.</summary>
    private sealed class EditedMlp : nn.Module<Tensor, Tensor>
    {
        private readonly Linear _fc1, _fc2, _fc3;
        private readonly ReLU _relu1 = nn.ReLU(), _relu2 = nn.ReLU();

        public EditedMlp(Random random) : base(nameof(EditedMlp))
        {
            _fc1 = Linear(Gaussian(random, 8, 12, 0.6), Vector(random, 8)).to(ScalarType.Float32);
            _fc2 = Linear(Gaussian(random, 8, 8, 0.6), Vector(random, 8)).to(ScalarType.Float32);
            _fc3 = Linear(Gaussian(random, 4, 8, 0.6), Vector(random, 4)).to(ScalarType.Float32);
            register_module("fc1", _fc1);
            register_module("relu1", _relu1);
            register_module("fc2", _fc2);
            register_module("relu2", _relu2);
            register_module("fc3", _fc3);
        }

        public override Tensor forward(Tensor input)
        {
            Tensor h1 = _relu1.call(_fc1.call(input));
            Tensor a2 = _fc2.call(h1);
            a2.mul_(2);
            return _fc3.call(_relu2.call(a2));
        }
    }
}
