namespace InterpAudit;

/// <summary>
/// Effective Circuit Size (ECS) per class (Golechha et al. 2024, spec modularity.md §4): for class y,
/// the share of the model's Linear weights that cannot be zeroed, one at a time from the last layer
/// back, without raising the class's mean cross-entropy above the original model's. Smaller means the
/// class is computed by a smaller circuit. The audited model must be a chain of Linear layers with
/// element-wise activations (ReLU, LeakyReLU, Tanh, Sigmoid) between them, e.g. an MLP.
/// Without <see cref="Class"/>, <see cref="MaxEcs"/> bounds every class separately; with it, that class
/// only. <see cref="MaxMeanEcs"/> bounds the mean over classes.
/// </summary>
/// <remarks>
/// The default <see cref="Mode"/> is <see cref="EcsMode.Exact"/>: it is the quantity the paper defines,
/// and computed incrementally (only the changed unit's downstream path is recomputed, per affected
/// sample) it takes seconds per class on an MLP the size of the MNIST sample. <see cref="EcsMode.Fast"/>
/// is for models where that is too slow; its value is an approximation whose agreement with the exact
/// one is reported when <see cref="EcsMode.Both"/> runs.
/// </remarks>
/// <example>
/// <c>[CircuitCheck(MaxMeanEcs = 0.3)]</c>, <c>[CircuitCheck(MaxEcs = 0.4, Mode = EcsMode.Both)]</c>,
/// <c>[CircuitCheck(Class = "7", MaxEcs = 0.2)]</c>
/// </example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
[CheckFamily("circuit")]
public sealed class CircuitCheckAttribute : AuditCheckAttribute
{
    /// <summary>The default sample cap per class.</summary>
    public const int DefaultMaxSamplesPerClass = 1000;

    /// <summary>Highest accepted ECS of each class (or of <see cref="Class"/>), in [0, 1].</summary>
    [Bound("ecs", BoundKind.Max, "IA1202", Lower = 0, Upper = 1, Tolerance = 0.002, RelativeTolerance = 0.10)]
    public double MaxEcs { get; set; } = double.NaN;

    /// <summary>Highest accepted mean ECS over the classes, in [0, 1].</summary>
    [Bound("meanEcs", BoundKind.Max, "IA1202", Lower = 0, Upper = 1, Tolerance = 0.002, RelativeTolerance = 0.10)]
    public double MaxMeanEcs { get; set; } = double.NaN;

    /// <summary>A class name from <see cref="IAuditTarget.ClassNames"/>; null means every class.</summary>
    public string? Class { get; set; }

    /// <summary>Exact (default), Fast, or Both.</summary>
    public EcsMode Mode { get; set; } = EcsMode.Exact;

    /// <summary>
    /// At most this many evaluation samples per class (the first ones in stream order) define the
    /// class's loss (default 1000). Exact mode's time grows linearly with it.
    /// </summary>
    [ValidRange(1)]
    public int MaxSamplesPerClass { get; set; } = DefaultMaxSamplesPerClass;
}
