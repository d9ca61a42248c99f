using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace InterpAudit.Circuits;

/// <summary>
/// An activation applied to each unit on its own, recomputed in float64 for one unit at a time: what
/// lets ECS's exact mode update only the pre-activation that a zeroed weight touches (spec
/// modularity.md §4: "a zeroed weight changes one pre-activation by −w·a").
/// </summary>
internal sealed record ElementwiseActivation(string Name, ActivationKind Kind, double NegativeSlope = 0)
{
    public static ElementwiseActivation Identity { get; } = new("identity", ActivationKind.Identity);

    public double Apply(double z) => Kind switch
    {
        ActivationKind.Relu => z > 0 ? z : 0,
        ActivationKind.LeakyRelu => z > 0 ? z : NegativeSlope * z,
        ActivationKind.Tanh => Math.Tanh(z),
        ActivationKind.Sigmoid => 1 / (1 + Math.Exp(-z)),
        _ => z,
    };

    /// <summary>dφ/dz; at a ReLU's kink 0, as libtorch takes it.</summary>
    public double Derivative(double z) => Kind switch
    {
        ActivationKind.Relu => z > 0 ? 1 : 0,
        ActivationKind.LeakyRelu => z > 0 ? 1 : NegativeSlope,
        ActivationKind.Tanh => 1 - Math.Tanh(z) * Math.Tanh(z),
        ActivationKind.Sigmoid => Apply(z) * (1 - Apply(z)),
        _ => 1,
    };

    /// <summary>
    /// The activation a module computes, or null when it is not one this measurement can recompute.
    /// Dropout counts as the identity: the audit runs the model in eval mode.
    /// </summary>
    public static ElementwiseActivation? Of(string name, nn.Module module) => module switch
    {
        ReLU => new(name, ActivationKind.Relu),
        LeakyReLU leaky => new(name, ActivationKind.LeakyRelu, leaky.negative_slope),
        Tanh => new(name, ActivationKind.Tanh),
        Sigmoid => new(name, ActivationKind.Sigmoid),
        TorchSharp.Modules.Identity or Dropout => new(name, ActivationKind.Identity),
        _ => null,
    };
}

internal enum ActivationKind
{
    Identity,
    Relu,
    LeakyRelu,
    Tanh,
    Sigmoid,
}
