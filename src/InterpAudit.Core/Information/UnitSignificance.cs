namespace InterpAudit.Information;

/// <summary>
/// The outcome of <see cref="UnitPermutationTest"/>: per unit, its information about the label and its
/// family-wise p-value. Constant units have 0 bits, p = 1 and are never significant.
/// </summary>
/// <param name="Bits">I(u;Y) per unit, in bits, bias-corrected.</param>
/// <param name="PValues">Max-statistic permutation p-value per unit.</param>
/// <param name="Significant">p ≤ α per unit.</param>
/// <param name="MaxNullBits">The largest I(u;Y) over units in each permutation round (the null distribution).</param>
internal sealed record UnitSignificance(double[] Bits, double[] PValues, bool[] Significant, double[] MaxNullBits)
{
    public int SignificantCount => Significant.Count(s => s);
}
