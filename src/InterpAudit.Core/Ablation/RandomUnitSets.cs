namespace InterpAudit.Ablation;

/// <summary>
/// The reference sets behind a cluster's rank (Hod et al. 2022): unit sets of the cluster's size drawn
/// uniformly without replacement from all of the layer's output units (the cluster's own included).
/// Each cluster draws from its own seed stream, so its sets do not depend on the other clusters.
/// </summary>
internal static class RandomUnitSets
{
    public static int[][] Draw(int units, int size, int count, int seed)
    {
        var random = new Random(seed);
        var sets = new int[count][];
        int[] pool = Enumerable.Range(0, units).ToArray();
        for (int s = 0; s < count; s++)
        {
            // Partial Fisher–Yates: the first `size` places become a uniform sample without replacement.
            for (int i = 0; i < size; i++)
            {
                int j = random.Next(i, units);
                (pool[i], pool[j]) = (pool[j], pool[i]);
            }
            sets[s] = pool[..size].Order().ToArray();
        }
        return sets;
    }
}
