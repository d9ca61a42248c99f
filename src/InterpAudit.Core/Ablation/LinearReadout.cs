using InterpAudit.Circuits;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace InterpAudit.Ablation;

/// <summary>
/// What runs after the ablated layer when it reaches the logits linearly: zero or more exact
/// element-wise activations (ReLU, LeakyReLU, Identity, Dropout in eval mode), then one Linear layer
/// (the head) whose output is the model's output. Then a variant's logits are the clean logits plus
/// the ablated units' share alone (<see cref="LogitUpdateAccuracy"/>), and no variant needs a forward
/// pass. Tanh and Sigmoid are left out on purpose: their kernels may round a value differently in a
/// differently shaped tensor, and the update's argument is that each activation is the same float in
/// both computations; ReLU and LeakyReLU are one comparison and at most one correctly rounded product.
/// <para>
/// Read off one plain forward pass watched by hooks on every leaf module, and held to it bit for bit:
/// the head's input must equal the activations applied to the layer's output, and the model's output
/// the head's output. That rules out what hooks cannot see (a skip connection, a functional
/// activation, a softmax after the head). Every batch is checked, not only the first.
/// </para>
/// </summary>
internal sealed class LinearReadout
{
    private LinearReadout(IReadOnlyList<nn.Module<Tensor, Tensor>> activations, Linear head)
    {
        Activations = activations;
        Head = head;
    }

    /// <summary>The element-wise modules between the layer and the head, in the order they ran.</summary>
    public IReadOnlyList<nn.Module<Tensor, Tensor>> Activations { get; }

    public Linear Head { get; }

    /// <summary>One leaf module's call in a forward pass: inputs and outputs are copies (a Sequential disposes its intermediates).</summary>
    public sealed record Call(nn.Module Module, Tensor? Input, Tensor? Output);

    /// <summary>
    /// The readout that the calls after <paramref name="layer"/> form, or null when they do not form one
    /// or do not reproduce <paramref name="logits"/> exactly.
    /// </summary>
    /// <param name="calls">Every leaf call of the forward pass in order; those from the layer on carry their tensors.</param>
    public static LinearReadout? Read(IReadOnlyList<Call> calls, nn.Module layer, Tensor logits)
    {
        int at = -1;
        for (int i = 0; i < calls.Count; i++)
            if (ReferenceEquals(calls[i].Module, layer))
            {
                if (at >= 0) return null; // shared weights: the layer runs twice
                at = i;
            }
        if (at < 0 || at == calls.Count - 1 || calls[^1].Module is not Linear head) return null;
        var activations = new List<nn.Module<Tensor, Tensor>>();
        for (int i = at + 1; i < calls.Count - 1; i++)
        {
            if (!IsExactElementwise(calls[i].Module)) return null;
            activations.Add((nn.Module<Tensor, Tensor>)calls[i].Module);
        }
        Tensor? output = calls[at].Output, headInput = calls[^1].Input, headOutput = calls[^1].Output;
        if (output is null || headInput is null || headOutput is null) return null;
        if (output.dim() != 2 || logits.dim() != 2 || output.dtype != logits.dtype || !head.weight!.shape.SequenceEqual([logits.shape[1], output.shape[1]]))
            return null;
        var readout = new LinearReadout(activations, head);
        using Tensor activated = readout.Activate(output);
        return Same(activated, headInput) && Same(headOutput, logits) ? readout : null;
    }

    /// <summary>Same shape and the same values (±0 alike: a sum cannot tell them apart unless it is 0).</summary>
    private static bool Same(Tensor a, Tensor b) => a.shape.SequenceEqual(b.shape) && a.dtype == b.dtype && a.eq(b).all().item<bool>();

    /// <summary>The activations applied to a layer output, on a copy (an in-place ReLU would change the original).</summary>
    public Tensor Activate(Tensor layerOutput)
    {
        Tensor x = layerOutput.clone();
        foreach (nn.Module<Tensor, Tensor> activation in Activations)
            x = activation.call(x);
        return x;
    }

    private static bool IsExactElementwise(nn.Module module) =>
        module is nn.Module<Tensor, Tensor> && ElementwiseActivation.Of("", module)?.Kind is ActivationKind.Relu or ActivationKind.LeakyRelu or ActivationKind.Identity
        && !(module is Dropout && module.training);
}
