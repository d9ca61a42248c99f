namespace InterpAudit.Baselines;

/// <summary>
/// Holm's step-down procedure (Holm 1979): of m hypotheses with p-values sorted ascending, reject the
/// k-th while p_(k) ≤ α/(m − k + 1), and stop at the first that is not. The chance of rejecting any
/// true hypothesis — here, of failing a fair retrain on any of an audit's metrics — stays ≤ α, with
/// no assumption about how the metrics depend on each other, and it rejects everything Bonferroni does.
/// </summary>
internal static class HolmProcedure
{
    /// <summary>For each p-value (in the given order): the level it is tested at, and whether it is rejected.</summary>
    public static (double Level, bool Rejected)[] Apply(IReadOnlyList<double> pValues, double alpha)
    {
        int m = pValues.Count;
        int[] order = Enumerable.Range(0, m).OrderBy(i => pValues[i]).ThenBy(i => i).ToArray();
        var result = new (double, bool)[m];
        bool stillRejecting = true;
        for (int rank = 0; rank < m; rank++)
        {
            int i = order[rank];
            double level = alpha / (m - rank);
            stillRejecting &= pValues[i] <= level;
            result[i] = (level, stillRejecting);
        }
        return result;
    }
}
