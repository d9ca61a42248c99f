namespace InterpAudit.Modularity;

/// <summary>
/// Clusterability (spec modularity.md §2; Golechha et al. 2024, eq. for C):
/// <c>C = Σ_i Σ_{u∈U_i, v∈V_i} W_uv² / Σ_{u,v} W_uv²</c>, the share of the layer's squared weight
/// inside the diagonal blocks of a co-clustering, in [0, 1]. Enmeshment is <c>E = 1 − C</c>.
/// Edges of dead units count in the denominator only (their weight is zero anyway). For a uniformly
/// random balanced partition <c>E[C] = 1/k</c>, but BSGC's own partition of pure noise scores well
/// above that, which is why §2 also reports a shuffle null.
/// </summary>
public static class Clusterability
{
    /// <summary>C of <paramref name="graph"/> under <paramref name="partition"/>; NaN for an all-zero layer.</summary>
    public static double Of(WeightGraph graph, Coclustering partition)
    {
        if (partition.OutputLabels.Count != graph.Outputs || partition.InputLabels.Count != graph.Inputs)
            throw new ArgumentException(
                $"The partition labels {partition.OutputLabels.Count} × {partition.InputLabels.Count} units; the layer has {graph.Outputs} × {graph.Inputs}.",
                nameof(partition));
        double inside = 0, total = 0;
        for (int u = 0; u < graph.Outputs; u++)
        {
            int cluster = partition.OutputLabels[u];
            for (int v = 0; v < graph.Inputs; v++)
            {
                double w2 = graph.SquaredWeight(u, v);
                total += w2;
                if (cluster != Coclustering.Dead && partition.InputLabels[v] == cluster) inside += w2;
            }
        }
        return total > 0 ? inside / total : double.NaN;
    }

    /// <summary>
    /// Share of the squared weight in each diagonal block (sums to C), so a report can show which
    /// co-cluster holds the weight.
    /// </summary>
    public static IReadOnlyList<double> PerBlock(WeightGraph graph, Coclustering partition)
    {
        var inside = new double[partition.Clusters];
        double total = 0;
        for (int u = 0; u < graph.Outputs; u++)
            for (int v = 0; v < graph.Inputs; v++)
            {
                double w2 = graph.SquaredWeight(u, v);
                total += w2;
                int cluster = partition.OutputLabels[u];
                if (cluster != Coclustering.Dead && partition.InputLabels[v] == cluster) inside[cluster] += w2;
            }
        return inside.Select(x => total > 0 ? x / total : double.NaN).ToArray();
    }
}
