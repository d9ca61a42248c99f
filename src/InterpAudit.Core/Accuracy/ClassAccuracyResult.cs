using InterpAudit.Results;
using InterpAudit.Statistics;

namespace InterpAudit.Accuracy;

/// <summary>Correct and total predictions per class on the evaluation set.</summary>
public sealed record ClassAccuracyResult(IReadOnlyList<string> ClassNames, IReadOnlyList<long> Correct, IReadOnlyList<long> Total)
{
    /// <summary>Per-class accuracy; NaN for a class with no evaluation samples.</summary>
    public IReadOnlyList<double> Accuracy => Correct.Zip(Total, (c, t) => t == 0 ? double.NaN : (double)c / t).ToArray();

    public double Overall => (double)Correct.Sum() / Total.Sum();

    public IReadOnlyList<Interval> Intervals => Correct.Zip(Total, WilsonInterval.Of).ToArray();

    public Interval OverallInterval => WilsonInterval.Of(Correct.Sum(), Total.Sum());
}
