namespace InterpAudit.Statistics;

/// <summary>
/// Agreement of two partitions of the same items, corrected for chance (Hubert &amp; Arabie 1985):
/// 1 when they are the same up to renaming the labels, about 0 for independent random partitions.
/// Used to compare a recovered clustering with a planted one (spec modularity.md, "Ground truths").
/// </summary>
internal static class AdjustedRandIndex
{
    /// <summary>ARI of two labellings of equal length. Two trivial partitions (all items together, or all apart) agree: 1.</summary>
    public static double Of(IReadOnlyList<int> a, IReadOnlyList<int> b)
    {
        if (a.Count != b.Count)
            throw new ArgumentException($"Labellings of {a.Count} and {b.Count} items cannot be compared.", nameof(b));
        if (a.Count < 2) return 1.0;
        var contingency = new Dictionary<(int, int), long>();
        var rowSums = new Dictionary<int, long>();
        var columnSums = new Dictionary<int, long>();
        for (int i = 0; i < a.Count; i++)
        {
            contingency[(a[i], b[i])] = contingency.GetValueOrDefault((a[i], b[i])) + 1;
            rowSums[a[i]] = rowSums.GetValueOrDefault(a[i]) + 1;
            columnSums[b[i]] = columnSums.GetValueOrDefault(b[i]) + 1;
        }
        static double Pairs(long n) => n * (n - 1) / 2.0;
        double index = contingency.Values.Sum(Pairs);
        double rows = rowSums.Values.Sum(Pairs), columns = columnSums.Values.Sum(Pairs);
        double expected = rows * columns / Pairs(a.Count);
        double maximum = (rows + columns) / 2;
        return maximum == expected ? 1.0 : (index - expected) / (maximum - expected);
    }
}
