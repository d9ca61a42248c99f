using System.Globalization;
using InterpAudit.Baselines;
using InterpAudit.Results;

namespace InterpAudit.Reporting.Sections;

/// <summary>
/// The report's baseline section: for every baselined metric, the calibration runs' mean and spread,
/// the move this run made, the band that applied (tolerance or noise, and where the noise came from),
/// the Holm test, and how far the declared bound lies from the runs in spreads.
/// </summary>
internal sealed class BaselineSection : ReportSection<BaselineView>
{
    public override string Name => "baseline";

    public override int Order => 20;

    public override BaselineView? Build(AuditResult result)
    {
        if (BaselineSummary.Of(result) is not { } summary) return null;
        return new BaselineView(summary.Runs, summary.Runs >= 2, summary.Metrics, summary.FalseAlarmRate,
            summary.Compared.Select(c =>
            {
                BaselineComparison b = c.Baseline!;
                double margin = BoundMargin.InSpreads(c.Threshold, b.BaselineValue, b.Spread);
                return new BaselineView.Row(
                    Metric: Formatting.Subject(c),
                    Value: Formatting.Number(c.Value),
                    Baseline: Formatting.Number(b.BaselineValue),
                    Spread: b.Runs >= 2 ? Formatting.Number(b.Spread) : "—",
                    Delta: Formatting.Delta(b),
                    Allowed: Formatting.Number(b.Allowed),
                    Band: b.Tolerance >= b.NoiseBand ? $"tolerance {Formatting.Number(b.Tolerance)}" : $"noise {Formatting.Number(b.NoiseBand)}",
                    Noise: b.Noise,
                    P: double.IsNaN(b.PValue) ? "—" : b.PValue < 1e-4 ? b.PValue.ToString("0.0E+0", CultureInfo.InvariantCulture) : b.PValue.ToString("0.0000", CultureInfo.InvariantCulture),
                    Level: double.IsNaN(b.Level) ? "—" : b.Level.ToString("0.00000", CultureInfo.InvariantCulture),
                    Status: Formatting.Lower(b.Status),
                    StatusClass: b.Status == RegressionStatus.Regressed ? (c.Severity == CheckSeverity.Error ? "fail" : "warn") : "pass",
                    Margin: b.Runs >= 2 ? CalibrationSummary.Margin(margin) : "—",
                    Tight: b.Runs >= 2 && !(margin >= CalibrationSummary.ComfortableMargin));
            }).ToArray());
    }
}
