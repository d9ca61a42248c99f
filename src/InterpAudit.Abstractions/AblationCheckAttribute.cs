namespace InterpAudit;

/// <summary>
/// Per-class cluster ablation of one layer (spec modularity.md §5). The layer's output units are
/// grouped by the same bipartite spectral co-clustering as <see cref="ModularityCheckAttribute"/>
/// (same k, restarts and seed, so both checks see the same clusters); each cluster's units are
/// ablated in turn and the accuracy change on every class is measured: Δ_{c,y} = accuracy on class y
/// with cluster c ablated − accuracy without ablation. Both ablation kinds are measured and reported;
/// <see cref="Ablation"/> picks the one the bounds judge.
/// <list type="bullet">
/// <item>Specialisation of cluster c: S_c = max_y |Δ_{c,y}| / Σ_y |Δ_{c,y}|, in [1/classes, 1]; a
/// cluster whose ablation changes no accuracy counts as unspecialised, S_c = 1/classes. Reported with
/// its rank among <see cref="RandomSets"/> random unit sets of the same size.</item>
/// <item>Owner of class y: the cluster whose ablation lowers y's accuracy the most (none when no
/// ablation lowers it). A cluster's collateral drop is the largest accuracy drop it causes on a class
/// it does not own.</item>
/// </list>
/// </summary>
/// <example>
/// <c>[AblationCheck("fc2", MinSpecialization = 0.3, MaxCollateralDrop = 0.1)]</c>,
/// <c>[AblationCheck("fc2", Ablation = AblationKind.Zero, MinSpecialization = 0.5, Severity = CheckSeverity.Warning)]</c>
/// </example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class AblationCheckAttribute : AuditCheckAttribute
{
    /// <summary>Declares a per-class ablation check of one layer's co-clusters.</summary>
    /// <param name="layer">The layer's name as <c>named_modules()</c> gives it (e.g. <c>fc2</c>).</param>
    public AblationCheckAttribute(string layer) => Layer = layer;

    /// <summary>The layer whose output units are co-clustered and ablated (a Linear or ungrouped convolution).</summary>
    public string Layer { get; }

    /// <summary>Number of clusters k, at least 2 and at most the layer's smaller side (default 4).</summary>
    public int Clusters { get; set; } = 4;

    /// <summary>k-means restarts of the co-clustering (default 10, as <see cref="ModularityCheckAttribute.Restarts"/>).</summary>
    public int Restarts { get; set; } = 10;

    /// <summary>Lowest accepted mean specialisation S̄ = mean over clusters of S_c, in [0, 1] (1/classes means none).</summary>
    public double MinSpecialization { get; set; } = double.NaN;

    /// <summary>Highest accepted collateral drop: the largest accuracy drop any cluster's ablation causes on a class it does not own, in [0, 1].</summary>
    public double MaxCollateralDrop { get; set; } = double.NaN;

    /// <summary>The ablation kind the bounds judge (default <see cref="AblationKind.Mean"/>); both kinds are reported.</summary>
    public AblationKind Ablation { get; set; } = AblationKind.Mean;

    /// <summary>Random unit sets per cluster behind each S_c's rank (default 20, at least 20).</summary>
    public int RandomSets { get; set; } = 20;
}
