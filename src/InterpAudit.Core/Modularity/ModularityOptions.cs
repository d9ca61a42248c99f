using System.Text.Json.Serialization;

namespace InterpAudit.Modularity;

/// <summary>How <see cref="LayerModularity"/> measures a layer.</summary>
/// <param name="Clusters">k (spec modularity.md §1: default 4).</param>
/// <param name="Restarts">k-means restarts per co-clustering (scikit-learn's n_init, 10).</param>
/// <param name="Shuffles">Shuffled copies of the layer whose clusterability makes the null (§2: at least 10).</param>
/// <param name="Seed">Seeds the co-clustering's k-means and the shuffles.</param>
public sealed record ModularityOptions(
    int Clusters = ModularityCheckAttribute.DefaultClusters,
    int Restarts = ModularityCheckAttribute.DefaultRestarts,
    int Shuffles = ModularityCheckAttribute.DefaultShuffles,
    int Seed = 0)
{

    /// <summary>The settings of each co-clustering (derived, so not repeated in metrics.json).</summary>
    [JsonIgnore]
    public CoclusteringOptions Coclustering => new(Clusters, Restarts, Seed);
}
