namespace InterpAudit.Ablation;

/// <summary>
/// Per-class cluster ablation of one layer (spec modularity.md §5): the clusters, the clean per-class
/// accuracy, and for zero and mean ablation the Δ matrix, S_c with its rank against random unit sets,
/// class owners and collateral drops.
/// </summary>
/// <param name="ClusterSource">The measurement the clusters come from (the modularity key, e.g. <c>modularity:fc2:k=4</c>).</param>
/// <param name="Clusters">Output units of each cluster, in index order.</param>
/// <param name="ClassTotals">Evaluation samples per class.</param>
/// <param name="CleanCorrect">Correct predictions per class without ablation.</param>
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
    AblationKindResult Mean)
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
}
