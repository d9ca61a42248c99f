using System.Globalization;
using InterpAudit.Results;

namespace InterpAudit.Reporting;

/// <summary>
/// One sentence per check that says what was compared with what and how the gate judged it, e.g.
/// "accuracy(class=7) fell from 0.5107 (baseline mean of 5 calibration runs in the committed baseline)
/// to 0.5035, beyond the allowed 0.0040 (noise band)". A reader of the conditions summary must not
/// have to work out from a row of figures why a check that meets its threshold failed the build.
/// The one place that says it: the report's conditions summary, SARIF result messages, summary.md and
/// the build log's line for a failing or warning check all take their sentence from here.
/// </summary>
public static class ConditionSentence
{
    /// <summary>
    /// The sentence is made from the check alone, so it names the baseline by role; which file (path and
    /// SHA-256) is in the provenance (<see cref="AuditResult.BaselineFile"/>).
    /// </summary>
    private const string BaselineSource = "the committed baseline";

    public static string For(CheckResult check)
    {
        string subject = Formatting.Subject(check);
        if (double.IsNaN(check.Value))
            return $"{subject} could not be computed (NaN); a missing value fails the check.";
        if (check.Verdict == Verdict.Fail)
            return $"{subject} = {Value(check)} is {(check.Threshold.Kind == BoundKind.Min ? "below its minimum" : "above its maximum")} {Bound(check)}.";

        string threshold = $"{subject} = {Value(check)} meets its {(check.Threshold.Kind == BoundKind.Min ? "minimum" : "maximum")} {Bound(check)}";
        BaselineComparison? b = check.Baseline;
        if (b is null) return threshold + "; there is no baseline to compare with.";
        return b.Status switch
        {
            RegressionStatus.New => threshold + $"; {BaselineSource} has no value for it (a new check).",
            RegressionStatus.Regressed => Regression(check),
            RegressionStatus.Accepted => Moved(check, b) + $", beyond the allowed {Number(b.Allowed)} ({AllowedBy(b)}), but the regression is accepted: {b.AcceptedReason}.",
            RegressionStatus.Improved => threshold + $", and improved on {Number(b.BaselineValue)} ({Source(b)}) by more than the noise band {Number(b.NoiseBand)}.",
            _ => threshold + $", within the allowed {Number(b.Allowed)} ({AllowedBy(b)}) of {Number(b.BaselineValue)} ({Source(b)}).",
        };
    }

    /// <summary>
    /// The regression against the baseline alone, whatever the threshold said: the build log's IA2001
    /// line, which follows the threshold's own line when a check failed both.
    /// </summary>
    public static string Regression(CheckResult check)
    {
        BaselineComparison b = check.Baseline ?? throw new ArgumentException("the check was not compared with a baseline", nameof(check));
        if (double.IsNaN(check.Value))
            return $"{Formatting.Subject(check)} could not be computed (NaN); a missing value always regresses against {Number(b.BaselineValue)} ({Source(b)}).";
        return Moved(check, b) + $", beyond the allowed {Number(b.Allowed)} ({AllowedBy(b)}) — {Significance(b)}.";
    }

    /// <summary>
    /// The verb follows the two numbers, not the bound's bad direction: the gate only calls a move in
    /// the bad direction a regression, so they agree on every real run, and where they would not (a
    /// hand-edited baseline, a gate bug) the sentence still says what happened.
    /// </summary>
    private static string Moved(CheckResult check, BaselineComparison b) => check.Value == b.BaselineValue
        ? $"{Formatting.Subject(check)} stayed at {Number(b.BaselineValue)} ({Source(b)})"
        : $"{Formatting.Subject(check)} {(check.Value < b.BaselineValue ? "fell" : "rose")} from {Number(b.BaselineValue)} ({Source(b)}) to {Number(check.Value)}";

    private static string Source(BaselineComparison b) =>
        b.Runs == 1 ? $"the one calibration run in {BaselineSource}" : $"baseline mean of {b.Runs} calibration runs in {BaselineSource}";

    /// <summary>Which of the two limits set the allowed move (<see cref="BaselineComparison.Allowed"/> is their maximum).</summary>
    private static string AllowedBy(BaselineComparison b) => b.NoiseBand >= b.Tolerance ? "noise band" : "tolerance";

    private static string Significance(BaselineComparison b) =>
        double.IsNaN(b.PValue) ? "a regression" : $"p = {b.PValue.ToString("0.####", CultureInfo.InvariantCulture)} at Holm level {b.Level.ToString("0.####", CultureInfo.InvariantCulture)}, a regression";

    private static string Value(CheckResult c) => Digits(c.Value, c.Threshold.Value);

    private static string Bound(CheckResult c) => Digits(c.Threshold.Value, c.Value);

    private static string Number(double value) => Formatting.Number(value);

    /// <summary>Two decimals, or as many more as it takes to tell the value from the bound (as the build log does).</summary>
    private static string Digits(double value, double other)
    {
        for (int digits = 2; digits < 8; digits++)
        {
            string a = value.ToString("F" + digits, CultureInfo.InvariantCulture);
            if (a != other.ToString("F" + digits, CultureInfo.InvariantCulture)) return a;
        }
        return value.ToString("F2", CultureInfo.InvariantCulture);
    }
}
