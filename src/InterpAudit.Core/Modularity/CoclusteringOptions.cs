namespace InterpAudit.Modularity;

/// <summary>How <see cref="SpectralCoclustering"/> partitions a layer.</summary>
/// <param name="Clusters">k, the number of co-clusters (spec modularity.md §1: default 4).</param>
/// <param name="Restarts">k-means restarts from fresh k-means++ seeds; the lowest inertia wins (scikit-learn's n_init, 10).</param>
/// <param name="Seed">Seeds the k-means++ draws.</param>
public sealed record CoclusteringOptions(int Clusters = ModularityCheckAttribute.DefaultClusters, int Restarts = ModularityCheckAttribute.DefaultRestarts, int Seed = 0)
{
    /// <summary>
    /// ℓ, how many singular-vector pairs after the trivial one embed the units: k − 1 unless set.
    /// Dhillon (2001, §4) and scikit-learn's SpectralCoclustering use ⌈log₂ k⌉ (the spec's §1), which
    /// for k = 4 keeps 2 of the 3 vectors that separate 4 near-disconnected blocks: their σ are all
    /// ≈ 1, the 2 kept span an arbitrary plane of that 3-dimensional space, and the plane can project
    /// two blocks onto each other. Measured on the sample's modular MLP (λ = 0.7, seeds 1–10): 9 seeds
    /// gave C = 0.994–0.996 either way, seed 9 gave 0.867 with ⌈log₂ k⌉ vectors (any number of k-means
    /// restarts) against 0.993 with k − 1 — the value under the training partition. The k − 1
    /// vectors embed k blocks as the k corners of a simplex, which k-means separates.
    /// <see cref="Log2Dimensions"/> gives the scikit-learn choice, for comparisons with it.
    /// </summary>
    public int SingularVectors => Dimensions ?? Clusters - 1;

    /// <summary>ℓ; null for the default k − 1.</summary>
    public int? Dimensions { get; init; }

    /// <summary>Dhillon's and scikit-learn's ℓ = ⌈log₂ k⌉.</summary>
    public int Log2Dimensions => (int)Math.Ceiling(Math.Log2(Clusters));
}
