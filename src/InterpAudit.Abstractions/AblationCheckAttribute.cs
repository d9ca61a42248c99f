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
[CheckFamily("ablation")]
public sealed class AblationCheckAttribute : AuditCheckAttribute
{
    /// <summary>The default and smallest number of random unit sets (Hod et al. 2022 rank against at least 20).</summary>
    public const int DefaultRandomSets = 20;

    /// <summary>Declares a per-class ablation check of one layer's co-clusters.</summary>
    /// <param name="layer">The layer's name as <c>named_modules()</c> gives it (e.g. <c>fc2</c>).</param>
    public AblationCheckAttribute(string layer) => Layer = layer;

    /// <summary>The layer whose output units are co-clustered and ablated (a Linear or ungrouped convolution).</summary>
    public string Layer { get; }

    /// <summary>Number of clusters k, at least 2 and at most the layer's smaller side (default 4).</summary>
    [ValidRange(2, Reason = "co-clustering into one group measures nothing")]
    public int Clusters { get; set; } = ModularityCheckAttribute.DefaultClusters;

    /// <summary>k-means restarts of the co-clustering (default 10, as <see cref="ModularityCheckAttribute.Restarts"/>).</summary>
    [ValidRange(1)]
    public int Restarts { get; set; } = ModularityCheckAttribute.DefaultRestarts;

    /// <summary>Lowest accepted mean specialisation S̄ = mean over clusters of S_c, in [0, 1] (1/classes means none).</summary>
    [Bound("specialization", BoundKind.Min, "IA1301", Lower = 0, Upper = 1, Tolerance = 0.02)]
    public double MinSpecialization { get; set; } = double.NaN;

    /// <summary>Highest accepted collateral drop: the largest accuracy drop any cluster's ablation causes on a class it does not own, in [0, 1].</summary>
    [Bound("collateralDrop", BoundKind.Max, "IA1302", Lower = 0, Upper = 1, Tolerance = 0.02)]
    public double MaxCollateralDrop { get; set; } = double.NaN;

    /// <summary>The ablation kind the bounds judge (default <see cref="AblationKind.Mean"/>); both kinds are reported.</summary>
    public AblationKind Ablation { get; set; } = AblationKind.Mean;

    /// <summary>Random unit sets per cluster behind each S_c's rank (default 20, at least 20).</summary>
    [ValidRange(DefaultRandomSets, Reason = "a rank p = (r+1)/(n+1) needs at least 20 random sets")]
    public int RandomSets { get; set; } = DefaultRandomSets;
}
