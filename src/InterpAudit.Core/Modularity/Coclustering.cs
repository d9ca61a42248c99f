namespace InterpAudit.Modularity;

/// <summary>
/// A partition of a layer's units into k co-clusters: co-cluster c is the output units labelled c
/// together with the input units labelled c. Dead units (no edge of non-zero strength) belong to
/// none and are labelled <see cref="Dead"/>.
/// </summary>
/// <param name="OutputLabels">Per output unit (row of W): its co-cluster, or −1 when dead.</param>
/// <param name="InputLabels">Per input unit (column of W): its co-cluster, or −1 when dead.</param>
public sealed record Coclustering(int Clusters, IReadOnlyList<int> OutputLabels, IReadOnlyList<int> InputLabels)
{
    public const int Dead = -1;

    public IReadOnlyList<int> DeadOutputs => Indices(OutputLabels, Dead);

    public IReadOnlyList<int> DeadInputs => Indices(InputLabels, Dead);

    /// <summary>Output units of co-cluster <paramref name="cluster"/>, in index order.</summary>
    public IReadOnlyList<int> OutputsOf(int cluster) => Indices(OutputLabels, cluster);

    /// <summary>Input units of co-cluster <paramref name="cluster"/>, in index order.</summary>
    public IReadOnlyList<int> InputsOf(int cluster) => Indices(InputLabels, cluster);

    /// <summary>
    /// Contiguous equal blocks: unit i of n goes to block ⌊i·k/n⌋. The fixed partition the
    /// enmeshment loss uses when training from scratch, where hidden units are interchangeable
    /// (spec §3), and the planted partition of the tests.
    /// </summary>
    public static Coclustering Contiguous(int outputs, int inputs, int clusters)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(clusters, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(outputs, clusters);
        ArgumentOutOfRangeException.ThrowIfLessThan(inputs, clusters);
        return new Coclustering(clusters,
            Enumerable.Range(0, outputs).Select(i => (int)((long)i * clusters / outputs)).ToArray(),
            Enumerable.Range(0, inputs).Select(i => (int)((long)i * clusters / inputs)).ToArray());
    }

    private static int[] Indices(IReadOnlyList<int> labels, int label) =>
        Enumerable.Range(0, labels.Count).Where(i => labels[i] == label).ToArray();
}
