namespace InterpAudit.Circuits;

/// <summary>
/// The ECS keep-zero rule (spec modularity.md §4, step 2): the pruned model's mean cross-entropy on
/// the class must not exceed the original model's. "Does not exceed" is taken with a relative
/// tolerance: the incremental pass and a full forward pass add the same float64 terms in different
/// orders, which moves a mean of a thousand terms by about 1e-13 of itself, so a change below
/// <see cref="RelativeTolerance"/> (default 1e-9) of the original loss is a tie and the zero is kept.
/// The bound is always the original loss, never the current one, so ties cannot accumulate: the
/// pruned model's loss stays within the tolerance of the original however many zeros are kept.
/// </summary>
public sealed record LossCriterion(double OriginalLoss, double RelativeTolerance)
{
    public const double DefaultRelativeTolerance = 1e-9;

    public double Bound => OriginalLoss + RelativeTolerance * Math.Abs(OriginalLoss);

    public bool Admits(double meanLoss) => meanLoss <= Bound;

    /// <summary>The criterion in words, for metrics.json and the report.</summary>
    public static string Describe(double relativeTolerance) =>
        $"keep a zero if the class's mean cross-entropy ≤ the original model's × (1 + {relativeTolerance:0.#e+0})";
}
