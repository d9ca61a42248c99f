using MathNet.Numerics.Distributions;

namespace InterpAudit.Information;

/// <summary>
/// Copula normalisation (spec mi.md, "Gaussian-copula MI", step 1): replaces each value by the
/// standard normal quantile of its rank, <c>z = Φ⁻¹(r / (N + 1))</c>, r ∈ 1..N. Mutual information
/// is invariant to such monotone maps, and afterwards every dimension has a standard normal marginal,
/// so the Gaussian estimators below become a (lower-bound) estimate of the information in the data.
/// <para>
/// Ties are broken at random with the caller's seeded generator. ReLU units are exactly 0 on most
/// samples, and evaluation sets are often sorted by class: ranking tied values in sample order would
/// then give class 0's zeros the low ranks and class 1's zeros the high ones, and a unit that knows
/// nothing about the class would look informative (the spec measured 0.733 bits for a constant unit and
/// 0.254 bits for a class-independent ReLU unit that way).
/// </para>
/// </summary>
internal static class CopulaNormalization
{
    /// <summary>The copula-normalised values of one dimension, ties broken by <paramref name="random"/>.</summary>
    public static double[] Transform(ReadOnlySpan<double> values, Random random) =>
        Transform(values, random, NormalScores(values.Length));

    /// <summary>
    /// <c>Φ⁻¹(r / (N + 1))</c> for r = 1..N: the values every copula-normalised dimension of N samples
    /// takes, in some order. Computed once per layer and shared by its units.
    /// </summary>
    public static double[] NormalScores(int sampleCount)
    {
        var scores = new double[sampleCount];
        for (int r = 1; r <= sampleCount; r++)
            scores[r - 1] = Normal.InvCDF(0, 1, r / (sampleCount + 1.0));
        return scores;
    }

    internal static double[] Transform(ReadOnlySpan<double> values, Random random, double[] normalScores)
    {
        int n = values.Length;
        // A random permutation as secondary sort key: among equal values the order, hence the rank,
        // is uniformly random, and distinct values keep their order.
        var tieBreak = new int[n];
        for (int i = 0; i < n; i++) tieBreak[i] = i;
        random.Shuffle(tieBreak);
        var keys = new (double Value, int TieBreak, int Sample)[n];
        for (int i = 0; i < n; i++) keys[i] = (values[i], tieBreak[i], i);
        Array.Sort(keys, static (a, b) =>
        {
            int byValue = a.Value.CompareTo(b.Value);
            return byValue != 0 ? byValue : a.TieBreak.CompareTo(b.TieBreak);
        });
        var result = new double[n];
        for (int rank = 0; rank < n; rank++) result[keys[rank].Sample] = normalScores[rank];
        return result;
    }

    /// <summary>
    /// The fraction of samples whose value equals at least one other sample's value (a ReLU unit that
    /// is 0 on 70 % of the samples has 0.7). Reported because heavy ties make the copula estimate rest
    /// on the random tie-breaking rather than on the data.
    /// </summary>
    public static double TieFraction(ReadOnlySpan<double> values)
    {
        if (values.Length == 0) return 0;
        double[] sorted = values.ToArray();
        Array.Sort(sorted);
        int tied = 0;
        for (int start = 0; start < sorted.Length;)
        {
            int end = start + 1;
            while (end < sorted.Length && sorted[end] == sorted[start]) end++;
            if (end - start > 1) tied += end - start;
            start = end;
        }
        return (double)tied / sorted.Length;
    }

    /// <summary>True when every value is the same: such a unit carries no information and is skipped.</summary>
    public static bool IsConstant(ReadOnlySpan<double> values)
    {
        for (int i = 1; i < values.Length; i++)
            if (values[i] != values[0]) return false;
        return true;
    }
}
