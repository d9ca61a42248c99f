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
[CheckFamily("modularity")]
public sealed class ModularityCheckAttribute : AuditCheckAttribute
{
    /// <summary>The default k (spec modularity.md §1), shared by <see cref="AblationCheckAttribute"/>.</summary>
    public const int DefaultClusters = 4;

    /// <summary>The default k-means restarts (scikit-learn's n_init), shared by <see cref="AblationCheckAttribute"/>.</summary>
    public const int DefaultRestarts = 10;

    /// <summary>The default and smallest number of shuffles behind the null (§2).</summary>
    public const int DefaultShuffles = 10;

    /// <summary>Declares a modularity check of one layer.</summary>
    /// <param name="layer">The layer's name as <c>named_modules()</c> gives it (e.g. <c>fc2</c>).</param>
    public ModularityCheckAttribute(string layer) => Layer = layer;

    /// <summary>The layer whose weights are co-clustered.</summary>
    public string Layer { get; }

    /// <summary>Number of co-clusters k, at least 2 and at most the layer's smaller side (default 4).</summary>
    [ValidRange(2, Reason = "co-clustering into one group measures nothing")]
    public int Clusters { get; set; } = DefaultClusters;

    /// <summary>Lowest accepted clusterability C, in [0, 1].</summary>
    [Bound("clusterability", BoundKind.Min, "IA1201", Lower = 0, Upper = 1, Tolerance = 0.01)]
    public double MinClusterability { get; set; } = double.NaN;

    /// <summary>Lowest accepted normalised clusterability C̃ = (C − C_null)/(1 − C_null), in [0, 1] (0 is chance).</summary>
    [Bound("normalizedClusterability", BoundKind.Min, "IA1201", Lower = 0, Upper = 1, Tolerance = 0.02)]
    public double MinNormalizedClusterability { get; set; } = double.NaN;

    /// <summary>Highest accepted enmeshment E = 1 − C, in [0, 1].</summary>
    [Bound("enmeshment", BoundKind.Max, "IA1201", Lower = 0, Upper = 1, Tolerance = 0.01)]
    public double MaxEnmeshment { get; set; } = double.NaN;

    /// <summary>k-means restarts per co-clustering (default 10); the lowest inertia wins.</summary>
    [ValidRange(1)]
    public int Restarts { get; set; } = DefaultRestarts;

    /// <summary>Shuffled copies of the layer behind C_null (default 10, at least 10).</summary>
    [ValidRange(DefaultShuffles, Reason = "the shuffle null needs at least 10 shuffles")]
    public int Shuffles { get; set; } = DefaultShuffles;
}
