namespace InterpAudit;

/// <summary>How <see cref="CircuitCheckAttribute"/> measures the effective circuit size (ECS).</summary>
public enum EcsMode
{
    /// <summary>
    /// The paper's definition: greedy single-weight pruning, last Linear layer first, row-major, a zero
    /// kept only if the class's mean cross-entropy does not exceed the original model's.
    /// </summary>
    Exact,

    /// <summary>
    /// An approximation: weights ordered by attribution |w · ∂L/∂w| (smallest first) and a bisection on
    /// how many of them to prune under the same loss criterion.
    /// </summary>
    Fast,

    /// <summary>Both; the exact values are judged, the fast ones and their agreement are reported.</summary>
    Both,
}
