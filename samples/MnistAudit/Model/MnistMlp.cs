using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MnistAudit.Model;

/// <summary>
/// A 784-64-64-10 multilayer perceptron with ReLU activations; outputs logits. Its sub-modules are
/// named <c>fc1</c>, <c>relu1</c>, <c>fc2</c>, <c>relu2</c>, <c>fc3</c> (registered by name, so no
/// prefix), which is how the audit's checks refer to layers and how the weights file names tensors
/// (<c>fc1.weight</c>, <c>fc1.bias</c>, …).
/// </summary>
public sealed class MnistMlp : nn.Module<Tensor, Tensor>
{
    public const int InputSize = 28 * 28;

    public const int HiddenSize = 64;

    public const int ClassCount = 10;

    private readonly Linear _fc1 = nn.Linear(InputSize, HiddenSize);
    private readonly ReLU _relu1 = nn.ReLU();
    private readonly Linear _fc2 = nn.Linear(HiddenSize, HiddenSize);
    private readonly ReLU _relu2 = nn.ReLU();
    private readonly Linear _fc3 = nn.Linear(HiddenSize, ClassCount);

    public MnistMlp() : base(nameof(MnistMlp))
    {
        register_module("fc1", _fc1);
        register_module("relu1", _relu1);
        register_module("fc2", _fc2);
        register_module("relu2", _relu2);
        register_module("fc3", _fc3);
    }

    /// <summary>Logits [B, 10] for images [B, 784] in [0, 1].</summary>
    public override Tensor forward(Tensor input)
    {
        // call(), not forward(): forward hooks (how the audit captures activations) run only through
        // call(). Intermediates are disposed as nn.Sequential does; autograd keeps what it needs.
        using Tensor a1 = _fc1.call(input);
        using Tensor h1 = _relu1.call(a1);
        using Tensor a2 = _fc2.call(h1);
        using Tensor h2 = _relu2.call(a2);
        return _fc3.call(h2);
    }
}
