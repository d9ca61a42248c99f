namespace InterpAudit.Information;

/// <summary>
/// Which single units carry significant information about the label (spec mi.md, "What the audit
/// reports", per unit). Each unit's <c>I(u;Y)</c> is compared with the maximum over all units of the
/// same statistic under label permutations: <c>p = (1 + #{max_perm ≥ I}) / (1 + n_perm)</c>. One
/// permutation per round is shared by all units, so the maximum keeps the units' dependence and the
/// test controls the family-wise error rate over the whole layer (Nichols and Holmes 2002).
/// </summary>
internal static class UnitPermutationTest
{
    /// <param name="units">Copula-normalised units, N samples each; null marks a constant unit (skipped).</param>
    /// <param name="labels">Class label per sample.</param>
    /// <param name="permutations">Label permutations (spec default 1000).</param>
    /// <param name="alpha">Family-wise significance level (spec default 0.05).</param>
    /// <param name="seed">Seeds the permutations.</param>
    public static UnitSignificance Run(IReadOnlyList<double[]?> units, int[] labels, int classCount, int permutations, double alpha, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(permutations);
        var bits = new double[units.Count];
        var pValues = new double[units.Count];
        var significant = new bool[units.Count];
        int[] measured = Enumerable.Range(0, units.Count).Where(u => units[u] is not null).ToArray();
        Array.Fill(pValues, 1.0);
        if (measured.Length == 0)
            return new UnitSignificance(bits, pValues, significant, []);

        var information = new UnitLabelInformation(measured.Select(u => units[u]!).ToArray(), labels, classCount);
        var observed = new double[measured.Length];
        information.Measure(labels, observed);

        var maxNull = new double[permutations];
        var round = new double[measured.Length];
        int r = 0;
        foreach (int[] permuted in LabelPermutations(labels, permutations, seed))
        {
            information.Measure(permuted, round);
            double max = double.NegativeInfinity;
            foreach (double value in round) max = Math.Max(max, value);
            maxNull[r++] = max;
        }

        double[] sortedNull = (double[])maxNull.Clone();
        Array.Sort(sortedNull);
        for (int i = 0; i < measured.Length; i++)
        {
            int u = measured[i];
            bits[u] = observed[i];
            pValues[u] = (1.0 + CountAtLeast(sortedNull, observed[i])) / (1.0 + permutations);
            significant[u] = pValues[u] <= alpha;
        }
        return new UnitSignificance(bits, pValues, significant, maxNull);
    }

    /// <summary>
    /// <paramref name="count"/> uniformly random permutations of <paramref name="labels"/> from one
    /// seeded generator. The same array is shuffled again each round (a shuffle of any arrangement is
    /// uniform), so a caller that keeps a round must copy it.
    /// </summary>
    internal static IEnumerable<int[]> LabelPermutations(int[] labels, int count, int seed)
    {
        var random = new Random(SeedDerivation.Derive(seed, "unit-permutation-test"));
        int[] permuted = (int[])labels.Clone();
        for (int r = 0; r < count; r++)
        {
            random.Shuffle(permuted);
            yield return permuted;
        }
    }

    /// <summary>#{values ≥ threshold} in an ascending array, by binary search.</summary>
    private static int CountAtLeast(double[] ascending, double threshold)
    {
        int low = 0, high = ascending.Length;
        while (low < high)
        {
            int middle = (low + high) >>> 1;
            if (ascending[middle] >= threshold) high = middle;
            else low = middle + 1;
        }
        return ascending.Length - low;
    }
}
