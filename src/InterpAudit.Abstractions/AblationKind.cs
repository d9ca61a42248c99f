namespace InterpAudit;

/// <summary>How a cluster's units are taken out of the forward pass (spec modularity.md §5).</summary>
public enum AblationKind
{
    /// <summary>Their outputs are set to zero. This also removes their average contribution, which every class sees.</summary>
    Zero,

    /// <summary>Their outputs are replaced by their mean over the evaluation set: only what varies with the input is removed.</summary>
    Mean,
}
