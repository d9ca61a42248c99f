using InterpAudit.Diagnostics;
using InterpAudit.Results;

namespace InterpAudit.Baselines;

/// <summary>
/// Makes a baseline from one or more finished audit runs of the same audit on the same data. The runs
/// must measure the same metrics: a metric missing from one run would make its spread meaningless.
/// </summary>
public static class BaselineCalibration
{
    public static AuditBaseline Accept(IReadOnlyList<AuditResult> runs)
    {
        if (runs.Count == 0)
            throw Mismatch("no runs were given: expected at least one audit's metrics.json");
        AuditResult first = runs[0];
        foreach (AuditResult run in runs.Skip(1))
        {
            if (run.Audit != first.Audit)
                throw Mismatch($"the runs are of different audits ('{first.Audit}' and '{run.Audit}'): expected runs of one audit");
            if (run.Dataset.Sha256 != first.Dataset.Sha256)
                throw Mismatch($"the runs of '{first.Audit}' evaluated different data (SHA-256 {Short(first.Dataset.Sha256)} and {Short(run.Dataset.Sha256)}): expected every calibration run on the same evaluation set, so that the spread is the model's, not the data's");
            if (run.Model.Type != first.Model.Type)
                throw Mismatch($"the runs of '{first.Audit}' audited different model types ({first.Model.Type} and {run.Model.Type})");
        }

        List<string> keys = Distinct(first.Checks).Select(c => c.Key).ToList();
        for (int r = 1; r < runs.Count; r++)
        {
            var other = Distinct(runs[r].Checks).Select(c => c.Key).ToHashSet();
            string[] missing = keys.Where(k => !other.Contains(k)).ToArray(), extra = other.Where(k => !keys.Contains(k)).ToArray();
            if (missing.Length > 0 || extra.Length > 0)
                throw Mismatch($"run {r + 1} of '{first.Audit}' measured other metrics than run 1 (missing: {List(missing)}; additional: {List(extra)}): expected every run of the same declarations");
        }

        var byRun = runs.Select(run => Distinct(run.Checks).ToDictionary(c => c.Key)).ToList();
        var metrics = keys.Select(key =>
        {
            CheckResult template = byRun[0][key];
            List<CheckResult> values = byRun.Select(d => d[key]).ToList();
            IReadOnlyList<SampleOutcomes?>? outcomes = values.Any(v => v.Outcomes is not null) ? values.Select(v => v.Outcomes).ToList() : null;
            return new BaselineMetric(template.Family, template.Metric, template.Scope, template.Threshold.Kind,
                values.Select(v => v.Value).ToList(), values.Select(v => HalfWidth(v.Interval)).ToList(), outcomes);
        }).ToList();

        return new AuditBaseline(AuditBaseline.CurrentSchema, first.Audit, first.ToolVersion, first.Model.Type,
            first.Dataset.SampleCount, first.Dataset.Sha256,
            runs.Select(r => new CalibrationRun(r.Model.WeightsSha256, r.StartedAt, r.Device, r.ToolVersion)).ToList(), metrics);
    }

    /// <summary>Half the width of a 95% interval; NaN when there is none.</summary>
    public static double HalfWidth(Interval? interval) =>
        interval is null || double.IsNaN(interval.Lower) || double.IsNaN(interval.Upper) ? double.NaN : (interval.Upper - interval.Lower) / 2;

    // Two attributes may judge one metric and scope (e.g. a warning and an error bound): one value.
    private static IEnumerable<CheckResult> Distinct(IEnumerable<CheckResult> checks) => checks.GroupBy(c => c.Key).Select(g => g.First());

    private static string List(string[] keys) => keys.Length == 0 ? "none" : string.Join(", ", keys.Select(k => k.Replace('|', ' ')));

    private static string Short(string sha) => sha.Length > 12 ? sha[..12] + "…" : sha;

    private static AuditInputException Mismatch(string detail) =>
        new(DiagnosticCodes.CalibrationRunsMismatch, $"Cannot calibrate a baseline: {detail}.");
}
