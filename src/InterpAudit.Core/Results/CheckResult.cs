using System.Globalization;

namespace InterpAudit.Results;

/// <summary>One check of one metric in one scope (e.g. accuracy of class "7") and its verdict.</summary>
public sealed record CheckResult(
    string Family,
    string Metric,
    string Scope,
    double Value,
    Interval? Interval,
    Threshold Threshold,
    // The threshold's judgment alone; metrics.json calls it thresholdVerdict so that "verdict" can
    // say what the build did (GateVerdict): a check that met its threshold but regressed failed the build.
    [property: System.Text.Json.Serialization.JsonPropertyName("thresholdVerdict")] Verdict Verdict,
    CheckSeverity Severity,
    string Code,
    string Message,
    CheckDeclaration Declaration)
{
    /// <summary>Set by the runner from the attribute's source.</summary>
    public SourceLocation? Location { get; init; }

    /// <summary>
    /// The smallest bad-direction move that may count as a regression: the family's default for the
    /// metric, or the attribute's <c>RegressionTolerance</c> when it is set.
    /// </summary>
    public RegressionTolerance Tolerance { get; init; } = RegressionTolerance.None;

    /// <summary>Per-sample outcomes whose mean is the value, where the family has them (accuracy); null otherwise.</summary>
    public SampleOutcomes? Outcomes { get; init; }

    /// <summary>
    /// The keys of the measurements the declaration used (cached ones included), in first-use order:
    /// <see cref="AuditResult.TimingsSeconds"/> holds each one's time under <c>measure:&lt;key&gt;</c>,
    /// from which junit.xml gives every test case its time. Empty in results from before it existed.
    /// </summary>
    public IReadOnlyList<string> MeasurementKeys { get; init; } = [];

    /// <summary>How the value compares with the committed baseline; null before comparison or without one.</summary>
    public BaselineComparison? Baseline { get; init; }

    /// <summary>True when the check failed its threshold or regressed beyond noise and tolerance unaccepted.</summary>
    public bool FailsGate => Verdict == Verdict.Fail || Baseline?.Status == RegressionStatus.Regressed;

    /// <summary>
    /// What the gate made of the check, as the build did: fail for an error-severity check that fails
    /// the gate, warn for a warning-severity one, pass otherwise. metrics.json's <c>verdict</c>.
    /// </summary>
    [System.Text.Json.Serialization.JsonPropertyName("verdict")]
    public AuditVerdict GateVerdict =>
        !FailsGate ? AuditVerdict.Pass : Severity == CheckSeverity.Error ? AuditVerdict.Fail : AuditVerdict.Warn;

    /// <summary>The metric's identity; its parts are this record's serialised fields.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public MetricId Id => new(Family, Metric, Scope);

    /// <summary>A stable key for the metric within its audit (<see cref="MetricId.Key"/>).</summary>
    public string Key => Id.Key;

    /// <summary>
    /// Judges <paramref name="value"/> against <paramref name="threshold"/> and writes the message a
    /// build log shows, e.g. <c>accuracy(class=7) = 0.83 &lt; min 0.90</c>.
    /// </summary>
    public static CheckResult Judge(MetricId id, double value, Interval? interval,
        Threshold threshold, CheckSeverity severity, string code, CheckDeclaration declaration)
    {
        Verdict verdict = threshold.Admits(value) ? Verdict.Pass : Verdict.Fail;
        string subject = id.Display;
        string message = verdict == Verdict.Pass
            ? $"{subject} = {Format(value, threshold.Value)} within {threshold}"
            : double.IsNaN(value)
                ? $"{subject} could not be computed (NaN); a missing value fails the check ({threshold})"
                : $"{subject} = {Format(value, threshold.Value)} {threshold.ViolationText} {Format(threshold.Value, value)}";
        return new CheckResult(id.Family, id.Metric, id.Scope, value, interval, threshold, verdict, severity, code, message, declaration);
    }

    /// <summary>Two decimals, or as many more as it takes to tell the value from the bound.</summary>
    internal static string Format(double value, double other)
    {
        for (int digits = 2; digits < 8; digits++)
        {
            string a = value.ToString("F" + digits, CultureInfo.InvariantCulture);
            if (a != other.ToString("F" + digits, CultureInfo.InvariantCulture)) return a;
        }
        return value.ToString("F2", CultureInfo.InvariantCulture); // equal to the bound: two decimals say it
    }
}
