namespace InterpAudit;

/// <summary>
/// Modularity of one layer's trained weights: the layer's units are co-clustered into
/// <see cref="Clusters"/> groups by bipartite spectral co-clustering of |W| (Dhillon 2001), and
/// clusterability C — the share of the squared weight inside the groups' diagonal blocks — is judged.
/// Weight-based: it reads the weights, not activations. Reported with C: a shuffle null C_null (the
/// same co-clustering on the layer's weights shuffled, which already finds some structure, e.g.
/// about 0.37 for a 64×64 layer and k = 4), the normalised C̃ = (C − C_null)/(1 − C_null), enmeshment
/// E = 1 − C, bipartite modularity, dead units and a block-ordered picture of |W|.
/// Linear layers and ungrouped convolutions (one node per channel, kernel slices reduced by their L1 norm).
/// </summary>
/// <example>
/// <c>[ModularityCheck("fc2", Clusters = 4, MinClusterability = 0.8)]</c>,
/// <c>[ModularityCheck("fc2", MinNormalizedClusterability = 0.5, Severity = CheckSeverity.Warning)]</c>
/// </example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ModularityCheckAttribute : AuditCheckAttribute
{
    /// <summary>Declares a modularity check of one layer.</summary>
    /// <param name="layer">The layer's name as <c>named_modules()</c> gives it (e.g. <c>fc2</c>).</param>
    public ModularityCheckAttribute(string layer) => Layer = layer;

    /// <summary>The layer whose weights are co-clustered.</summary>
    public string Layer { get; }

    /// <summary>Number of co-clusters k, at least 2 and at most the layer's smaller side (default 4).</summary>
    public int Clusters { get; set; } = 4;

    /// <summary>Lowest accepted clusterability C, in [0, 1].</summary>
    public double MinClusterability { get; set; } = double.NaN;

    /// <summary>Lowest accepted normalised clusterability C̃ = (C − C_null)/(1 − C_null), in [0, 1] (0 is chance).</summary>
    public double MinNormalizedClusterability { get; set; } = double.NaN;

    /// <summary>Highest accepted enmeshment E = 1 − C, in [0, 1].</summary>
    public double MaxEnmeshment { get; set; } = double.NaN;

    /// <summary>k-means restarts per co-clustering (default 10); the lowest inertia wins.</summary>
    public int Restarts { get; set; } = 10;

    /// <summary>Shuffled copies of the layer behind C_null (default 10, at least 10).</summary>
    public int Shuffles { get; set; } = 10;
}
