namespace InterpAudit;

/// <summary>Which side of a metric a bound limits.</summary>
public enum BoundKind
{
    /// <summary>The metric must be at least the bound.</summary>
    Min,

    /// <summary>The metric must be at most the bound.</summary>
    Max,
}
