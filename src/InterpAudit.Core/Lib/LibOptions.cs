using static TorchSharp.torch;

namespace InterpAudit.Lib;

/// <summary>
/// Parameters of a Local Interaction Basis measurement (spec lib.md). The measurement itself is
/// <see cref="LocalInteractionBasis.Measure"/>; this record holds only what the caller chooses.
/// </summary>
public sealed record LibOptions
{
    /// <summary>
    /// Relative truncation τ (spec steps 2 and 4): eigenvalues below τ · max are dropped. Relative, unlike
    /// the reference code's absolute thresholds, so that rescaling a layer does not change what is kept.
    /// </summary>
    public double Tau { get; init; } = 1e-10;

    /// <summary>How many of the largest edges of each pair the result lists (the full matrix is not stored).</summary>
    public int TopEdges { get; init; } = 50;

    /// <summary>
    /// Upper bound on the float64 buffer of stacked per-sample gradients, in bytes. Output features are
    /// split into chunks that fit (spec "Cost": large layers, convolutions with many positions). Null, the
    /// default, sizes it from the memory available when the measurement starts (<see cref="LibMemoryBudget"/>).
    /// </summary>
    public long? GradientBufferBytes { get; init; }

    /// <summary>
    /// The dtype M' is accumulated in. Always float64 in the product (spec "Pitfalls": float32 breaks the
    /// spectrum); settable only so a test can show that the float32 variant fails the invariance bound.
    /// </summary>
    internal ScalarType AccumulatorType { get; init; } = ScalarType.Float64;
}
