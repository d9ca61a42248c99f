namespace InterpAudit.Results;

/// <summary>
/// Per-sample 0/1 outcomes whose mean is the metric (e.g. which of a class's evaluation samples were
/// classified correctly), in evaluation order, packed as a little-endian bitset in base64. They let
/// the regression gate pair two runs on the same data sample by sample (McNemar's idea) instead of
/// comparing two independent sampling intervals, which hides a real drop of a point or two.
/// </summary>
/// <param name="Count">Samples in the scope.</param>
/// <param name="Bits">Base64 of ⌈Count/8⌉ bytes; bit i of byte i/8 is sample i.</param>
public sealed record SampleOutcomes(int Count, string Bits)
{
    public static SampleOutcomes From(IReadOnlyList<bool> outcomes)
    {
        var bytes = new byte[(outcomes.Count + 7) / 8];
        for (int i = 0; i < outcomes.Count; i++)
            if (outcomes[i]) bytes[i / 8] |= (byte)(1 << (i % 8));
        return new SampleOutcomes(outcomes.Count, Convert.ToBase64String(bytes));
    }

    /// <summary>The outcomes as 0/1 values; null when the bits do not hold <see cref="Count"/> samples.</summary>
    public double[]? Decode()
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(Bits);
        }
        catch (FormatException)
        {
            return null;
        }
        if (Count < 0 || bytes.Length != (Count + 7) / 8) return null;
        var values = new double[Count];
        for (int i = 0; i < Count; i++)
            values[i] = (bytes[i / 8] >> (i % 8)) & 1;
        return values;
    }
}
