using System.Text.Json.Serialization;
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

    /// <summary>Each evaluation sample's label, in evaluation order (not written to metrics.json; the checks carry the outcomes).</summary>
    [JsonIgnore]
    public IReadOnlyList<int> SampleLabels { get; init; } = [];

    /// <summary>Whether each evaluation sample was classified correctly, in evaluation order.</summary>
    [JsonIgnore]
    public IReadOnlyList<bool> SampleHits { get; init; } = [];

    /// <summary>The hits of one class's samples (or of all, for null), in evaluation order; null when not recorded.</summary>
    public SampleOutcomes? OutcomesOf(int? classIndex)
    {
        if (SampleHits.Count == 0) return null;
        return SampleOutcomes.From(classIndex is not { } c ? SampleHits : SampleHits.Where((_, i) => SampleLabels[i] == c).ToList());
    }
}
