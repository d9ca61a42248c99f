namespace InterpAudit.Modularity;

/// <summary>
/// The chance level of clusterability for one layer (spec modularity.md §2): C of BSGC re-run on
/// the layer's edges shuffled within the layer, over several seeded shuffles. BSGC finds structure
/// even in noise, more so in small layers (64×64 Gaussian noise: about 0.37 with k = 4), so a
/// clusterability means little without it.
/// </summary>
/// <param name="Samples">C of each shuffle, in shuffle order.</param>
public sealed record ClusterabilityNull(IReadOnlyList<double> Samples)
{
    public double Mean => Samples.Average();

    /// <summary>Sample standard deviation (n − 1); the spread of C over shuffles.</summary>
    public double StandardDeviation =>
        Samples.Count < 2 ? double.NaN : Math.Sqrt(Samples.Sum(c => (c - Mean) * (c - Mean)) / (Samples.Count - 1));

    /// <summary>Standard error of <see cref="Mean"/>.</summary>
    public double StandardError => StandardDeviation / Math.Sqrt(Samples.Count);
}
