using TorchSharp;
using TorchSharp.Modules;

namespace InterpAudit.Ablation;

/// <summary>
/// Where a layer's output units sit in its output tensor. A Linear applies to the last dimension
/// (so <c>[batch, units]</c>, or <c>[batch, tokens, units]</c>); a convolution's units are its output
/// channels, dimension 1. The unit count is the weight's output side, as co-clustering numbers them.
/// </summary>
internal sealed record LayerUnits(int Axis, int Count)
{
    public static LayerUnits Of(torch.nn.Module layer) => layer switch
    {
        Linear linear => new LayerUnits(-1, (int)linear.weight!.shape[0]),
        Convolution conv => new LayerUnits(1, (int)Modularity.LayerWeight.OutputsByInputs(conv).shape[0]),
        _ => throw new ArgumentException($"{layer.GetType().Name} has no output units to ablate; expected a Linear or convolution layer", nameof(layer)),
    };
}
