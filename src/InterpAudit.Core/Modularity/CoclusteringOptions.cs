namespace InterpAudit.Modularity;

/// <summary>How <see cref="SpectralCoclustering"/> partitions a layer.</summary>
/// <param name="Clusters">k, the number of co-clusters (spec modularity.md §1: default 4).</param>
/// <param name="Restarts">k-means restarts from fresh k-means++ seeds; the lowest inertia wins (scikit-learn's n_init, 10).</param>
/// <param name="Seed">Seeds the k-means++ draws.</param>
public sealed record CoclusteringOptions(int Clusters = 4, int Restarts = 10, int Seed = 0)
{
    /// <summary>ℓ = ⌈log₂ k⌉: how many singular-vector pairs after the trivial one embed the units (Dhillon 2001, §4).</summary>
    public int SingularVectors => (int)Math.Ceiling(Math.Log2(Clusters));
}
