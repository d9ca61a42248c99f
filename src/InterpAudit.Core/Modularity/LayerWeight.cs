using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace InterpAudit.Modularity;

/// <summary>
/// The weight of a layer as the modularity measurements see it: <c>[outputs, inputs, kernel…]</c>,
/// one node per output unit (or channel) and one per input unit (spec modularity.md §1). Linear and
/// ungrouped (transposed) convolutions qualify. A grouped convolution's weight only holds the
/// within-group edges, so its graph is block-diagonal by construction; it is refused rather than
/// measured as if its modularity were learned.
/// </summary>
public static class LayerWeight
{
    /// <summary>
    /// The weight as <c>[outputs, inputs, kernel…]</c>: the parameter itself for Linear and Conv,
    /// a transposed view for ConvTranspose (stored <c>[in, out, …]</c>). Gradients flow through it.
    /// </summary>
    public static Tensor OutputsByInputs(nn.Module layer) => layer switch
    {
        Linear { weight: { } weight } => weight,
        Convolution { transposed: true, groups: 1, weight: { } weight } => weight.transpose(0, 1),
        Convolution { groups: 1, weight: { } weight } => weight,
        _ => throw new ArgumentException(Unsupported(layer) ?? "unsupported layer", nameof(layer)),
    };

    /// <summary>Null when <see cref="OutputsByInputs"/> can read the layer; otherwise why it cannot.</summary>
    public static string? Unsupported(nn.Module layer) => layer switch
    {
        Linear { weight: not null } => null,
        Convolution { groups: not 1 } conv => $"it is a {layer.GetType().Name} with groups = {conv.groups}, whose weight only holds the within-group connections; expected groups = 1",
        Convolution { weight: not null } => null,
        _ => $"it is a {layer.GetType().Name}, which has no weight matrix; expected a Linear or convolution layer",
    };
}
