using InterpAudit.Diagnostics;
using InterpAudit.Results;

namespace InterpAudit.Baselines;

/// <summary>
/// The rules around the committed baseline: a first run writes it and warns (IA2002), so a missing
/// baseline is never a silent pass; accepting makes this run — with any further calibration runs of
/// the same audit — the baseline and clears the suppressions, which the new baseline absorbs (keeping
/// them would make each stale, IA2004, on the next build); otherwise the run is judged against it.
/// </summary>
public static class BaselinePolicy
{
    public static BaselineDecision Decide(AuditResult result, BaselineMode mode, AuditBaseline? committed,
        IReadOnlyList<Suppression> suppressions, IReadOnlyList<AuditResult> calibrationRuns, string baselinePath, string suppressionsPath)
    {
        switch (mode)
        {
            case BaselineMode.Skip:
                return new BaselineDecision(result, [], null, false);
            case BaselineMode.Accept:
                List<AuditResult> runs = [result, .. calibrationRuns.Where(r => r.Audit == result.Audit)];
                return new BaselineDecision(result, [], BaselineCalibration.Accept(runs), true);
        }
        if (committed is null)
            return new BaselineDecision(result, [new RegressionFinding(DiagnosticCodes.BaselineMissing, CheckSeverity.Warning,
                $"No baseline for this audit: created {baselinePath} from this run. Commit it; later builds fail on a regression against it. " +
                "A baseline from one run relies on each family's default tolerance: calibrate it from several seeds (README, \"Baselines\").")],
                AuditBaseline.From(result), false);
        (AuditResult judged, IReadOnlyList<RegressionFinding> findings) = RegressionGate.Compare(result, committed, suppressions, suppressionsPath);
        return new BaselineDecision(judged, findings, null, false);
    }
}
