using InterpAudit.Results;
using static TorchSharp.torch;

namespace InterpAudit.Modularity;

/// <summary>
/// Measures the modularity of one layer's weights (spec modularity.md §1–2). Weight-based: it reads
/// the trained weights, never activations, so it needs no evaluation data. Cost: 1 + Shuffles
/// co-clusterings, each one thin SVD of the layer plus k-means over its units.
/// </summary>
internal static class LayerModularity
{
    /// <summary>From a weight laid out <c>[outputs, inputs, kernel…]</c> (<see cref="LayerWeight.OutputsByInputs"/>).</summary>
    public static LayerModularityResult Measure(Tensor weight, ModularityOptions options, string layer = "") =>
        Measure(WeightGraph.FromWeight(weight), options, layer);

    public static LayerModularityResult Measure(WeightGraph graph, ModularityOptions options, string layer = "")
    {
        // The estimator needs two shuffles for a spread; a declaration needs the spec's ten
        // ([ValidRange] on ModularityCheckAttribute.Shuffles), which the audit enforces before this runs.
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Shuffles, 2);
        Coclustering partition = SpectralCoclustering.Fit(graph, options.Coclustering);
        double clusterability = Clusterability.Of(graph, partition);

        // One stream of random numbers for the whole null, apart from the observed co-clustering's:
        // shuffle s permutes the edges and seeds its own k-means from it, so the null depends only
        // on the seed and the number of shuffles.
        var random = new Random(unchecked(options.Seed * 1_000_003 + 7));
        var samples = new double[options.Shuffles];
        for (int s = 0; s < samples.Length; s++)
        {
            WeightGraph shuffled = graph.Shuffled(random);
            Coclustering nullPartition = SpectralCoclustering.Fit(shuffled, options.Coclustering with { Seed = random.Next() });
            samples[s] = Clusterability.Of(shuffled, nullPartition);
        }
        var nullModel = new ClusterabilityNull(samples);
        double margin = 1.96 * nullModel.StandardError;
        var interval = new Interval(
            LayerModularityResult.Normalize(clusterability, nullModel.Mean + margin),
            LayerModularityResult.Normalize(clusterability, nullModel.Mean - margin),
            "shuffle-null-se-95");

        return new LayerModularityResult(layer, graph.Outputs, graph.Inputs, options,
            partition.OutputLabels, partition.InputLabels, partition.DeadOutputs, partition.DeadInputs,
            clusterability, Clusterability.PerBlock(graph, partition), nullModel, interval,
            BipartiteModularity.Of(graph, partition), BlockOrderedWeights.Of(graph, partition));
    }
}
