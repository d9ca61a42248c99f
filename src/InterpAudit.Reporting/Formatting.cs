using System.Globalization;
using InterpAudit.Results;

namespace InterpAudit.Reporting;

/// <summary>Number and location formats shared by the human-readable writers.</summary>
internal static class Formatting
{
    public static string Number(double value) =>
        double.IsNaN(value) ? "NaN" : value.ToString("0.0000", CultureInfo.InvariantCulture);

    public static string Interval(Interval? interval) =>
        interval is null || double.IsNaN(interval.Lower) ? "—" : $"[{Number(interval.Lower)}, {Number(interval.Upper)}]";

    /// <summary>
    /// A check's display name, <c>metric(scope)</c> or the bare metric when it has no scope: the one
    /// place every human-readable output names a check, so they all name it alike.
    /// </summary>
    public static string Subject(CheckResult check) => check.Id.Display;

    /// <summary>File name and position: the full path is machine-specific and is in metrics.json.</summary>
    public static string Location(SourceLocation? location) =>
        location is null ? "—" : $"{Path.GetFileName(location.File)}({location.Line},{location.Column})";

    public static string Baseline(BaselineComparison? comparison) =>
        comparison is null || comparison.Status == RegressionStatus.New ? "—" : Number(comparison.BaselineValue);

    public static string Delta(BaselineComparison? comparison) =>
        comparison is null || comparison.Status == RegressionStatus.New || double.IsNaN(comparison.Delta)
            ? "—" : comparison.Delta.ToString("+0.0000;-0.0000;0.0000", CultureInfo.InvariantCulture);

    /// <summary>pass / fail, or regressed / accepted / improved when the baseline says more.</summary>
    public static string CheckVerdict(CheckResult check) =>
        check.Verdict == Results.Verdict.Fail ? "fail"
        : check.Baseline?.Status switch
        {
            RegressionStatus.Regressed => "regressed",
            RegressionStatus.Accepted => "accepted regression",
            RegressionStatus.Improved => "improved",
            _ => "pass",
        };

    /// <summary>
    /// The code of the finding a check stands for in every output: its own (IA1xxx) when it failed
    /// or passed its threshold, IA2001 when it passed the threshold but regressed — as the build log
    /// reports it, so code-scanning alerts and test tabs key on the same code.
    /// </summary>
    public static string FindingCode(CheckResult check) =>
        check.Verdict != Results.Verdict.Fail && check.Baseline?.Status == RegressionStatus.Regressed
            ? Diagnostics.DiagnosticCodes.MetricRegressed
            : check.Code;

    /// <summary>Why a check fails the gate: its threshold message, or the regression against the baseline.</summary>
    public static string GateMessage(CheckResult check) =>
        check.Verdict == Results.Verdict.Fail || check.Baseline?.Status != RegressionStatus.Regressed
            ? check.Message
            : $"{Subject(check)} regressed: {Number(check.Value)} now, baseline {Baseline(check.Baseline)} (Δ {Delta(check.Baseline)})";

    public static string Verdict(AuditVerdict verdict) => verdict switch
    {
        AuditVerdict.Pass => "PASS",
        AuditVerdict.Warn => "PASS WITH WARNINGS",
        _ => "FAIL",
    };

    public static string Lower(Enum value) => value.ToString().ToLowerInvariant();
}
