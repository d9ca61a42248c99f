using System.Globalization;
using InterpAudit.Diagnostics;
using InterpAudit.Results;

namespace InterpAudit.Baselines;

/// <summary>
/// Compares an audit with its committed baseline. A metric regresses when it moves in its bad
/// direction (down for a Min bound, up for a Max bound) by more than max(declared tolerance, noise
/// band), the band being √(h₁² + h₂²) for the half-widths h of the two 95% intervals — the half-width
/// of the difference of two independent estimates, conservative here because both runs see the same
/// data. A regression listed in the suppression file with a reason is reported but accepted.
/// </summary>
public static class RegressionGate
{
    public const string AcceptCommand = "dotnet build -p:InterpAuditAcceptBaseline=true";

    public static (AuditResult Result, IReadOnlyList<RegressionFinding> Findings) Compare(
        AuditResult current, AuditBaseline baseline, IReadOnlyList<Suppression> suppressions, string suppressionsFile)
    {
        Dictionary<string, BaselineMetric> committed = baseline.Metrics.GroupBy(m => m.Key).ToDictionary(g => g.Key, g => g.First());
        var findings = new List<RegressionFinding>();
        var usedSuppressions = new HashSet<Suppression>();

        var checks = current.Checks.Select(check =>
        {
            if (!committed.TryGetValue(check.Key, out BaselineMetric? then))
                return check with { Baseline = new BaselineComparison(double.NaN, null, double.NaN, 0, check.RegressionTolerance, RegressionStatus.New) };
            double delta = check.Value - then.Value;
            double band = NoiseBand(check.Interval, then.Interval);
            double worse = check.Threshold.Kind == BoundKind.Min ? -delta : delta;
            double allowed = Math.Max(check.RegressionTolerance, band);
            RegressionStatus status = double.IsNaN(check.Value) || worse > allowed ? RegressionStatus.Regressed
                : -worse > band ? RegressionStatus.Improved
                : RegressionStatus.Unchanged;
            Suppression? suppression = null;
            if (status == RegressionStatus.Regressed)
            {
                suppression = suppressions.FirstOrDefault(s => s.Metric == check.Metric && s.Scope == check.Scope);
                if (suppression is not null)
                {
                    usedSuppressions.Add(suppression);
                    status = RegressionStatus.Accepted;
                }
            }
            var comparison = new BaselineComparison(then.Value, then.Interval, delta, band, check.RegressionTolerance, status, suppression?.Reason);
            CheckResult compared = check with { Baseline = comparison };
            if (status == RegressionStatus.Regressed)
                findings.Add(new RegressionFinding(DiagnosticCodes.MetricRegressed, check.Severity, RegressionMessage(compared, suppressionsFile), compared));
            return compared;
        }).ToList();

        HashSet<string> measured = current.Checks.Select(c => c.Key).ToHashSet();
        foreach (BaselineMetric missing in committed.Values.Where(m => !measured.Contains(m.Key)))
            findings.Add(new RegressionFinding(DiagnosticCodes.BaselineMetricMissing, CheckSeverity.Error,
                $"The baseline has {Subject(missing.Metric, missing.Scope)} = {Number(missing.Value)} but this run did not measure it: expected every baselined metric (was a check removed or its scope changed?). If that is intended, accept the new set: {AcceptCommand}"));

        foreach (Suppression stale in suppressions.Where(s => !usedSuppressions.Contains(s)))
            findings.Add(new RegressionFinding(DiagnosticCodes.StaleSuppression, CheckSeverity.Error,
                $"The suppression of {Subject(stale.Metric, stale.Scope)} in {suppressionsFile} matches no regression any more: remove the entry, or run {AcceptCommand} (accepting rewrites the baseline and drops stale suppressions)."));

        if (baseline.DatasetSha256 != current.Dataset.Sha256)
            findings.Add(new RegressionFinding(DiagnosticCodes.BaselineDataChanged, CheckSeverity.Warning,
                $"The evaluation data changed since the baseline ({baseline.SampleCount} samples, SHA-256 {Short(baseline.DatasetSha256)} then; {current.Dataset.SampleCount}, {Short(current.Dataset.Sha256)} now): differences may come from the data, not the model. Accept a new baseline once the data change is intended: {AcceptCommand}"));

        return (current with { Checks = checks }, findings);
    }

    /// <summary>√(h₁² + h₂²) of the intervals' half-widths; 0 where an interval is missing.</summary>
    public static double NoiseBand(Interval? now, Interval? then)
    {
        double h1 = HalfWidth(now), h2 = HalfWidth(then);
        return Math.Sqrt(h1 * h1 + h2 * h2);
    }

    private static double HalfWidth(Interval? interval) =>
        interval is null || double.IsNaN(interval.Lower) || double.IsNaN(interval.Upper) ? 0 : (interval.Upper - interval.Lower) / 2;

    private static string RegressionMessage(CheckResult check, string suppressionsFile)
    {
        BaselineComparison b = check.Baseline!;
        return $"{Subject(check.Metric, check.Scope)} regressed: {Number(check.Value)} now, baseline {Number(b.BaselineValue)} " +
               $"(Δ {b.Delta.ToString("+0.0000;-0.0000", CultureInfo.InvariantCulture)}, beyond max(tolerance {Number(b.Tolerance)}, noise band {Number(b.NoiseBand)})). " +
               $"If intended, accept it: {AcceptCommand} — or list it with a reason in {suppressionsFile}.";
    }

    private static string Subject(string metric, string scope) => scope.Length == 0 ? metric : $"{metric}({scope})";

    private static string Number(double value) => double.IsNaN(value) ? "NaN" : value.ToString("0.0000", CultureInfo.InvariantCulture);

    private static string Short(string sha) => sha.Length > 12 ? sha[..12] + "…" : sha;
}
