namespace InterpAudit.Ablation;

/// <summary>
/// Which cluster each class depends on, and how much ablating a cluster costs the classes it does not
/// serve. Owner of class y = argmax_c (−Δ_{c,y}), the cluster whose ablation lowers y's accuracy the
/// most; no owner (−1) when no ablation lowers it; ties go to the lower cluster index. Assigning
/// owners per class rather than taking each cluster's argmax_y |Δ_{c,y}| lets a cluster own several
/// classes: a sub-network that serves two classes harms both when ablated, and neither is collateral.
/// </summary>
internal static class ClassOwnership
{
    public const int None = -1;

    /// <param name="delta">Δ_{c,y}, clusters by classes; NaN for a class without samples.</param>
    public static int[] Owners(IReadOnlyList<IReadOnlyList<double>> delta)
    {
        int classes = delta.Count == 0 ? 0 : delta[0].Count;
        var owners = new int[classes];
        for (int y = 0; y < classes; y++)
        {
            owners[y] = None;
            double largest = 0;
            for (int c = 0; c < delta.Count; c++)
                if (-delta[c][y] > largest)
                    (owners[y], largest) = (c, -delta[c][y]);
        }
        return owners;
    }

    /// <summary>Per cluster: the largest accuracy drop (−Δ, at least 0) on a class another cluster owns or no cluster owns.</summary>
    public static double[] CollateralDrops(IReadOnlyList<IReadOnlyList<double>> delta, IReadOnlyList<int> owners) =>
        delta.Select((row, c) => Enumerable.Range(0, row.Count)
            .Where(y => owners[y] != c && !double.IsNaN(row[y]))
            .Select(y => Math.Max(0, -row[y]))
            .DefaultIfEmpty(0).Max()).ToArray();
}
