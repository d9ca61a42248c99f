using InterpAudit.Baselines;
using InterpAudit.Diagnostics;
using InterpAudit.Results;
using InterpAudit.Runner.Baselines;
using InterpAudit.Runner.Output;

namespace InterpAudit.Runner;

/// <summary>
/// <c>interpaudit baseline accept --metrics a/metrics.json [b/metrics.json …]</c>: makes finished audit
/// runs the committed baseline without re-running them (e.g. CI artefacts), and clears the
/// suppressions. Several runs of one audit — models trained with other seeds or on other machines —
/// calibrate it: the gate then learns how far a fair retrain moves each metric. Runs of several audits
/// may be given at once; each audit gets its own baseline. Prints each metric's spread and each
/// bound's margin in spreads.
/// </summary>
internal static class BaselineCommand
{
    public static int Accept(IReadOnlyList<string> metricsPaths, string? baselineDirectory, TextWriter output)
    {
        var diagnostics = new BuildDiagnostics(output);
        try
        {
            List<AuditResult> runs = metricsPaths.Select(MetricsFile.Read).ToList();
            var store = new BaselineStore(baselineDirectory ?? Directory.GetCurrentDirectory());
            foreach (IGrouping<string, AuditResult> audit in runs.GroupBy(r => r.Audit))
            {
                AuditBaseline baseline = BaselineCalibration.Accept(audit.ToList());
                store.Save(baseline);
                store.SaveSuppressions(audit.Key, []);
                diagnostics.Progress($"[{audit.Key}] baseline accepted from {baseline.Runs.Count} run(s): {store.BaselinePath(audit.Key)} (commit it)");
                foreach (string line in CalibrationSummary.Format(CalibrationSummary.Rows(baseline, audit.First().Checks)).Split('\n'))
                    diagnostics.Progress($"[{audit.Key}] {line.TrimEnd()}");
            }
            return ExitCodes.Passed;
        }
        catch (AuditInputException e)
        {
            diagnostics.Report(DiagnosticSeverity.Error, e.Code, e.Message);
            return ExitCodes.BadInput;
        }
    }
}
