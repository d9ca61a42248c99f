using System.Globalization;
using InterpAudit.Diagnostics;
using InterpAudit.Results;

namespace InterpAudit.Baselines;

/// <summary>
/// Compares an audit with its committed baseline. For each baselined metric the move d (positive =
/// worse: down for a Min bound, up for a Max bound) is tested against "a fair retrain" with
/// <see cref="RetrainNoise"/>; Holm's procedure over all the audit's baselined metrics keeps the chance
/// that a fair retrain fails the audit at the audit's <see cref="AuditResult.FalseAlarmRate"/>. A metric
/// regresses when its test is rejected and d exceeds its tolerance — so the allowed move is
/// max(tolerance, critical value × σ), never 0. A NaN value always regresses. A regression listed in
/// the suppression file with a reason is reported but accepted.
/// </summary>
public static class RegressionGate
{
    public const string AcceptCommand = "dotnet build -p:InterpAuditAcceptBaseline=true";

    public static (AuditResult Result, IReadOnlyList<RegressionFinding> Findings) Compare(
        AuditResult current, AuditBaseline baseline, IReadOnlyList<Suppression> suppressions, string suppressionsFile)
    {
        Dictionary<string, BaselineMetric> committed = baseline.Metrics.GroupBy(m => m.Key).ToDictionary(g => g.Key, g => g.First());
        bool sameData = baseline.DatasetSha256 == current.Dataset.Sha256;

        // One test per metric and scope, even when two attributes judge it (e.g. a warning and an error bound).
        var tests = current.Checks.Select(c => c.Key).Distinct()
            .Where(committed.ContainsKey)
            .Select(key =>
            {
                CheckResult check = current.Checks.First(c => c.Key == key);
                BaselineMetric then = committed[key];
                RetrainNoise noise = RetrainNoise.Of(check, then, sameData);
                double worse = Worse(check, then.Mean);
                return (Key: key, Noise: noise, Worse: worse, PValue: noise.PValue(worse));
            }).ToList();
        (double Level, bool Rejected)[] holm = HolmProcedure.Apply(tests.Select(t => t.PValue).ToList(), current.FalseAlarmRate);
        var judged = tests.Select((t, i) => (t, holm[i])).ToDictionary(x => x.t.Key, x => x);

        var findings = new List<RegressionFinding>();
        var usedSuppressions = new HashSet<Suppression>();
        var checks = current.Checks.Select(check =>
        {
            if (!judged.TryGetValue(check.Key, out var test))
                return check with { Baseline = new BaselineComparison(double.NaN, null, double.NaN, 0, 0, RegressionStatus.New) };
            BaselineMetric then = committed[check.Key];
            (var t, (double level, bool rejected)) = test;
            double tolerance = check.Tolerance.For(then.Mean);
            double band = t.Noise.Band(level);
            RegressionStatus status = double.IsNaN(check.Value) || (rejected && t.Worse > tolerance) ? RegressionStatus.Regressed
                : -t.Worse > Math.Max(tolerance, band) ? RegressionStatus.Improved
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
            var comparison = new BaselineComparison(then.Mean, RangeOf(then), check.Value - then.Mean, band, tolerance, status, suppression?.Reason)
            {
                Runs = then.Values.Count,
                Spread = then.Spread,
                Sigma = t.Noise.Sigma,
                TrainingSigma = t.Noise.TrainingSigma,
                SamplingSigma = t.Noise.SamplingSigma,
                Noise = t.Noise.Description,
                PValue = t.PValue,
                Level = level,
            };
            CheckResult compared = check with { Baseline = comparison };
            if (status == RegressionStatus.Regressed)
                findings.Add(new RegressionFinding(DiagnosticCodes.MetricRegressed, check.Severity,
                    RegressionMessage(compared, current.FalseAlarmRate, tests.Count, suppressionsFile), compared) { Remedy = Remedy(suppressionsFile) });
            return compared;
        }).ToList();

        HashSet<string> measured = current.Checks.Select(c => c.Key).ToHashSet();
        foreach (BaselineMetric missing in committed.Values.Where(m => !measured.Contains(m.Key)))
            findings.Add(new RegressionFinding(DiagnosticCodes.BaselineMetricMissing, CheckSeverity.Error,
                $"The baseline has {missing.Id.Display} = {Number(missing.Mean)} but this run did not measure it: expected every baselined metric (was a check removed or its scope changed?). If that is intended, accept the new set: {AcceptCommand}"));

        foreach (Suppression stale in suppressions.Where(s => !usedSuppressions.Contains(s)))
            findings.Add(new RegressionFinding(DiagnosticCodes.StaleSuppression, CheckSeverity.Error,
                $"The suppression of {stale.Display} in {suppressionsFile} matches no regression any more: remove the entry, or run {AcceptCommand} (accepting rewrites the baseline and drops stale suppressions)."));

        if (!sameData)
            findings.Add(new RegressionFinding(DiagnosticCodes.BaselineDataChanged, CheckSeverity.Warning,
                $"The evaluation data changed since the baseline ({baseline.SampleCount} samples, SHA-256 {Short(baseline.DatasetSha256)} then; {current.Dataset.SampleCount}, {Short(current.Dataset.Sha256)} now): differences may come from the data, not the model. Accept a new baseline once the data change is intended: {AcceptCommand}"));

        return (current with { Checks = checks }, findings);
    }

    /// <summary>The move in the metric's bad direction: positive is worse.</summary>
    private static double Worse(CheckResult check, double baseline) =>
        check.Threshold.Kind == BoundKind.Min ? baseline - check.Value : check.Value - baseline;

    /// <summary>The calibration runs' range; for a single run, its own interval.</summary>
    private static Interval? RangeOf(BaselineMetric metric)
    {
        if (metric.Values.Count >= 2) return new Interval(metric.Minimum, metric.Maximum, $"range of {metric.Values.Count} calibration runs");
        double h = metric.HalfWidths.Count == 1 ? metric.HalfWidths[0] : double.NaN;
        return double.IsNaN(h) ? null : new Interval(metric.Mean - h, metric.Mean + h, "95% interval of the calibration run");
    }

    private static string RegressionMessage(CheckResult check, double alpha, int metrics, string suppressionsFile)
    {
        BaselineComparison b = check.Baseline!;
        string baseline = b.Runs >= 2 ? $"baseline mean {Number(b.BaselineValue)} over {b.Runs} calibration runs (spread {Number(b.Spread)})" : $"baseline {Number(b.BaselineValue)} (one calibration run)";
        string why = double.IsNaN(check.Value)
            ? "a value that could not be computed always regresses"
            : $"beyond the allowed {Number(b.Allowed)} = max(tolerance {Number(b.Tolerance)}, noise band {Number(b.NoiseBand)}); " +
              $"noise σ {Number(b.Sigma)} from {b.Noise}; p = {P(b.PValue)} ≤ {P(b.Level)} (Holm over {metrics} baselined metrics at false-alarm rate {alpha.ToString("0.###", CultureInfo.InvariantCulture)})";
        return $"{check.Id.Display} regressed: {Number(check.Value)} now, {baseline}, " +
               $"Δ {b.Delta.ToString("+0.0000;-0.0000", CultureInfo.InvariantCulture)} {why}. " +
               Remedy(suppressionsFile);
    }

    private static string Remedy(string suppressionsFile) =>
        $"If intended, accept it: {AcceptCommand} — or list it with a reason in {suppressionsFile}.";

    private static string P(double p) => p < 1e-4 ? p.ToString("0.0E+0", CultureInfo.InvariantCulture) : p.ToString("0.0000", CultureInfo.InvariantCulture);

    private static string Number(double value) => double.IsNaN(value) ? "NaN" : value.ToString("0.0000", CultureInfo.InvariantCulture);

    private static string Short(string sha) => sha.Length > 12 ? sha[..12] + "…" : sha;
}
