namespace InterpAudit.Modularity;

/// <summary>
/// Barber's bipartite modularity (Phys. Rev. E 76, 066102, 2007; spec modularity.md §2, optional
/// extra): <c>Q_B = (1/m) Σ_ij (B_ij − k_i d_j / m) δ(g_i, h_j)</c> with <c>B = |W|</c>, k and d the
/// output and input degrees and m the total strength. It compares the strength inside the blocks with
/// what degree-preserving random wiring would put there: 0 for no structure beyond the degrees, at
/// most 1 − 1/k for k equal, perfectly separated blocks.
/// </summary>
public static class BipartiteModularity
{
    /// <summary>Q_B of <paramref name="graph"/> under <paramref name="partition"/>; NaN for an all-zero layer.</summary>
    public static double Of(WeightGraph graph, Coclustering partition)
    {
        var outputDegree = new double[graph.Outputs];
        var inputDegree = new double[graph.Inputs];
        double m = 0, inside = 0;
        for (int u = 0; u < graph.Outputs; u++)
            for (int v = 0; v < graph.Inputs; v++)
            {
                double b = graph.Strength(u, v);
                outputDegree[u] += b;
                inputDegree[v] += b;
                m += b;
                if (SameBlock(partition, u, v)) inside += b;
            }
        if (m <= 0) return double.NaN;
        // Σ_ij k_i d_j δ(g_i, h_j) = Σ_c (Σ_{i∈c} k_i)(Σ_{j∈c} d_j).
        var outputStrength = new double[partition.Clusters];
        var inputStrength = new double[partition.Clusters];
        for (int u = 0; u < graph.Outputs; u++)
            if (partition.OutputLabels[u] != Coclustering.Dead) outputStrength[partition.OutputLabels[u]] += outputDegree[u];
        for (int v = 0; v < graph.Inputs; v++)
            if (partition.InputLabels[v] != Coclustering.Dead) inputStrength[partition.InputLabels[v]] += inputDegree[v];
        double expected = outputStrength.Zip(inputStrength, (a, b) => a * b).Sum() / m;
        return (inside - expected) / m;
    }

    private static bool SameBlock(Coclustering partition, int u, int v) =>
        partition.OutputLabels[u] != Coclustering.Dead && partition.OutputLabels[u] == partition.InputLabels[v];
}
