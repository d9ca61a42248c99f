using System.Globalization;
using InterpAudit.Baselines;
using InterpAudit.Results;

namespace InterpAudit.Reporting.Sections;

/// <summary>
/// The report's baseline section: for every baselined metric, the calibration runs' mean and spread,
/// the move this run made, the band that applied (tolerance or noise, and where the noise came from),
/// the Holm test, and how far the declared bound lies from the runs in spreads.
/// </summary>
internal static class BaselineSection
{
    public static object? Build(AuditResult result)
    {
        if (BaselineSummary.Of(result) is not { } summary) return null;
        return new
        {
            runs = summary.Runs,
            calibrated = summary.Runs >= 2,
            metrics = summary.Metrics,
            falseAlarmRate = summary.FalseAlarmRate,
            rows = summary.Compared.Select(c =>
            {
                BaselineComparison b = c.Baseline!;
                double margin = BoundMargin.InSpreads(c.Threshold, b.BaselineValue, b.Spread);
                return new
                {
                    metric = c.Scope.Length == 0 ? c.Metric : $"{c.Metric}({c.Scope})",
                    value = Formatting.Number(c.Value),
                    baseline = Formatting.Number(b.BaselineValue),
                    spread = b.Runs >= 2 ? Formatting.Number(b.Spread) : "—",
                    delta = Formatting.Delta(b),
                    allowed = Formatting.Number(b.Allowed),
                    band = b.Tolerance >= b.NoiseBand ? $"tolerance {Formatting.Number(b.Tolerance)}" : $"noise {Formatting.Number(b.NoiseBand)}",
                    noise = b.Noise,
                    p = double.IsNaN(b.PValue) ? "—" : b.PValue < 1e-4 ? b.PValue.ToString("0.0E+0", CultureInfo.InvariantCulture) : b.PValue.ToString("0.0000", CultureInfo.InvariantCulture),
                    level = double.IsNaN(b.Level) ? "—" : b.Level.ToString("0.00000", CultureInfo.InvariantCulture),
                    status = Formatting.Lower(b.Status),
                    statusClass = b.Status == RegressionStatus.Regressed ? (c.Severity == CheckSeverity.Error ? "fail" : "warn") : "pass",
                    margin = b.Runs >= 2 ? CalibrationSummary.Margin(margin) : "—",
                    tight = b.Runs >= 2 && !(margin >= CalibrationSummary.ComfortableMargin),
                };
            }).ToArray(),
        };
    }
}
