namespace InterpAudit.Information;

/// <summary>
/// Derives independent, reproducible seeds from the audit's one seed, so that every random choice of
/// a measurement (each unit's tie-breaking, the label permutations, the bootstrap) has its own
/// stream. Results then do not depend on the order in which units are processed, and two layers never
/// share a tie-breaking stream (identical tie-breaking in two layers that are zero on the same samples
/// would create a dependence between them that is not in the data).
/// string.GetHashCode is randomised per process, hence the explicit FNV-1a and SplitMix64 mixing.
/// </summary>
internal static class SeedDerivation
{
    public static int Derive(int seed, string purpose, int index = 0)
    {
        ulong hash = 14695981039346656037UL; // FNV-1a offset basis
        foreach (char c in purpose)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }
        ulong mixed = Mix(Mix(Mix((ulong)(uint)seed) ^ hash) ^ (ulong)(uint)index);
        return (int)(mixed & int.MaxValue);
    }

    /// <summary>SplitMix64's finaliser (Steele, Lea, Flood 2014): a bijection that spreads every input bit.</summary>
    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
