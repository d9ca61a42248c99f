using System.Globalization;
using InterpAudit.Results;

namespace InterpAudit.Reporting;

/// <summary>
/// What every writer says about the baseline comparison as a whole: the checks that were compared,
/// how many calibration runs the baseline has, how many metrics Holm's procedure covered, and the
/// false-alarm rate — so the report and the summary cannot state them differently.
/// </summary>
internal sealed record BaselineSummary(IReadOnlyList<CheckResult> Compared, int Runs, int Metrics, string FalseAlarmRate)
{
    /// <summary>Null when no check was compared with a baseline (none yet, or only new checks).</summary>
    public static BaselineSummary? Of(AuditResult result)
    {
        var compared = result.Checks.Where(c => c.Baseline is { Status: not RegressionStatus.New }).ToList();
        if (compared.Count == 0) return null;
        return new BaselineSummary(compared, compared.Max(c => c.Baseline!.Runs), compared.Select(c => c.Key).Distinct().Count(),
            result.FalseAlarmRate.ToString("0.###", CultureInfo.InvariantCulture));
    }
}
