using InterpAudit.Sharding;

namespace InterpAudit.Ablation;

/// <summary>
/// Per-class cluster ablation of one layer (spec modularity.md §5): the clusters, the clean per-class
/// accuracy, and for zero and mean ablation the Δ matrix, S_c with its rank against random unit sets,
/// class owners and collateral drops. In a shard, it may hold a part of the clusters
/// (<see cref="PartClusters"/>): merge puts the parts together and derives owners and collateral drops
/// over all of them.
/// </summary>
/// <param name="ClusterSource">The measurement the clusters come from (the modularity key, e.g. <c>modularity:fc2:k=4</c>).</param>
/// <param name="Clusters">Output units of each cluster, in index order.</param>
/// <param name="ClassTotals">Evaluation samples per class.</param>
/// <param name="CleanCorrect">Correct predictions per class without ablation (counted with the first held cluster's variants: <see cref="ClusterAblation"/>).</param>
/// <param name="UnitMeans">Each unit's mean output over the evaluation set (averaged over positions for a convolution): what mean ablation substitutes.</param>
public sealed record ClusterAblationResult(
    string Layer,
    int Units,
    IReadOnlyList<string> ClassNames,
    AblationOptions Options,
    string ClusterSource,
    IReadOnlyList<IReadOnlyList<int>> Clusters,
    IReadOnlyList<long> ClassTotals,
    IReadOnlyList<long> CleanCorrect,
    IReadOnlyList<double> UnitMeans,
    AblationKindResult Zero,
    AblationKindResult Mean) : IAssembledFromParts
{
    /// <summary>Per-class accuracy without ablation; NaN for a class without samples.</summary>
    public IReadOnlyList<double> CleanAccuracy => CleanCorrect.Zip(ClassTotals, (c, t) => t == 0 ? double.NaN : (double)c / t).ToArray();

    /// <summary>Whether the layers before the ablated one ran once per batch (stacked at the layer or updated logits), not once per variant (the inputs repeated).</summary>
    public bool StackedAtLayer { get; init; }

    /// <summary>Whether each variant's logits were the clean ones plus the ablated units' share (<see cref="LogitUpdateAccuracy"/>) rather than a forward pass.</summary>
    public bool LogitUpdate { get; init; }

    /// <summary>Under <see cref="LogitUpdate"/>: the variant × sample predictions too close to call from the update, recomputed through the model's head.</summary>
    public long RecomputedPredictions { get; init; }

    public AblationKindResult For(AblationKind kind) => kind == AblationKind.Zero ? Zero : Mean;

    /// <summary>
    /// In a shard's part: the clusters whose figures <see cref="Zero"/> and <see cref="Mean"/> hold, in
    /// order (their per-cluster lists have one entry each). Null for the whole measurement, and not written then.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<int>? PartClusters { get; init; }

    IReadOnlyList<int> IAssembledFromParts.PartIndices(IReadOnlyList<string> classNames)
    {
        IReadOnlyList<int> held = PartClusters ?? Enumerable.Range(0, Clusters.Count).ToArray();
        foreach (AblationKindResult kind in new[] { Zero, Mean })
            if (kind.Delta.Count != held.Count || kind.Specialization.Count != held.Count || kind.RandomSpecialization.Count != held.Count || kind.Percentile.Count != held.Count)
                throw new InvalidDataException($"its {kind.Kind.ToString().ToLowerInvariant()} ablation has figures for {kind.Delta.Count} clusters, but it names {held.Count}");
        if (held.Any(c => c < 0 || c >= Clusters.Count))
            throw new InvalidDataException($"it names cluster {held.First(c => c < 0 || c >= Clusters.Count)} of {Clusters.Count}");
        return held;
    }

    /// <summary>
    /// Every cluster's figures in cluster order, then class owners and collateral drops over all of them:
    /// each part counted its clusters' variants as the whole measurement counts them (<see cref="ClusterAblation"/>),
    /// on the same co-clustering, so they must agree on everything else. The clean counts and unit means are the first cluster's part's.
    /// </summary>
    object IAssembledFromParts.Assemble(IReadOnlyList<IAssembledFromParts> parts, IReadOnlyList<string> classNames)
    {
        ClusterAblationResult[] results = parts.Cast<ClusterAblationResult>().ToArray();
        PartAssembly.RequireSame(results, "layers", r => r.Layer);
        PartAssembly.RequireSame(results, "unit counts", r => r.Units);
        PartAssembly.RequireSame(results, "class names", r => r.ClassNames);
        PartAssembly.RequireSame(results, "options", r => r.Options);
        PartAssembly.RequireSame(results, "cluster sources", r => r.ClusterSource);
        PartAssembly.RequireSame(results, "clusters", r => r.Clusters.Select(c => string.Join(" ", c)));
        PartAssembly.RequireSame(results, "class totals", r => r.ClassTotals);
        (ClusterAblationResult Part, int Row)[] placed = PartAssembly.InIndexOrder(
            results.SelectMany(r => ((IAssembledFromParts)r).PartIndices(classNames).Select((cluster, row) => (cluster, (r, row)))),
            Clusters.Count, cluster => $"cluster {cluster}");
        ClusterAblationResult first = placed[0].Part;
        AblationKindResult Kind(Func<ClusterAblationResult, AblationKindResult> of)
        {
            AblationKindResult[] rows = placed.Select(p => of(p.Part)).ToArray();
            return AblationKindResult.OverAllClusters(of(first).Kind,
                placed.Select((p, c) => rows[c].Delta[p.Row]).ToArray(),
                placed.Select((p, c) => rows[c].Specialization[p.Row]).ToArray(),
                placed.Select((p, c) => rows[c].RandomSpecialization[p.Row]).ToArray(),
                placed.Select((p, c) => rows[c].Percentile[p.Row]).ToArray());
        }
        return first with
        {
            Zero = Kind(r => r.Zero),
            Mean = Kind(r => r.Mean),
            StackedAtLayer = results.All(r => r.StackedAtLayer),
            LogitUpdate = results.All(r => r.LogitUpdate),
            RecomputedPredictions = results.Sum(r => r.RecomputedPredictions),
            PartClusters = null,
        };
    }
}
