using InterpAudit.Diagnostics;
using InterpAudit.Baselines;
using InterpAudit.Reporting;
using InterpAudit.Results;
using InterpAudit.Runner.Baselines;
using InterpAudit.Runner.Output;

namespace InterpAudit.Runner;

/// <summary>
/// What a measured audit goes through, whether it ran in one process (<c>audit</c>) or was merged from
/// shards (<c>merge</c>): the baseline policy and the regression gate, the outputs, the baseline commit,
/// the build diagnostics and last-run.json. One path, so a merged audit is judged as an unsharded one.
/// </summary>
internal sealed class AuditCompletion(AuditOutputs outputs, BaselineStore baselines, BaselineMode mode,
    IReadOnlyList<AuditResult> calibrationRuns, bool failBuild, BuildDiagnostics diagnostics)
{
    /// <summary>Judges, writes and reports <paramref name="result"/>; returns true when it fails the build.</summary>
    public bool Complete(AuditResult result, SourceLocation? auditLocation, DateTimeOffset startedAt)
    {
        BaselineDecision decision = DecideBaseline(result);
        result = decision.Result;
        IReadOnlyList<RegressionFinding> findings = decision.Findings;
        IReadOnlyList<string> written = outputs.Write(result);
        // Only after the outputs are complete: a run that fails must leave the project folder as it was.
        CommitBaseline(decision);
        bool checksFailed = ReportChecks(result);
        checksFailed |= ReportFindings(result.Audit, findings, auditLocation);
        outputs.RecordRun(new LastRun(result.Audit, startedAt, result.Verdict.ToString().ToLowerInvariant(),
            result.Checks.Where(c => c.Verdict == Verdict.Fail).Select(c => c.Code).Concat(findings.Select(f => f.Code)).Distinct().ToArray()));
        diagnostics.Progress($"[{result.Audit}] {result.Verdict.ToString().ToUpperInvariant()}: {result.Checks.Count(c => !c.FailsGate)}/{result.Checks.Count} checks passed; report: {written.First(p => p.EndsWith(".html", StringComparison.Ordinal))}");
        return checksFailed;
    }

    /// <summary>
    /// Rewrites the output root's index.html from the audits' files there; returns true when that was
    /// bad input (IA3xxx, reported), which the run's exit code must say.
    /// </summary>
    public bool WriteComparison()
    {
        try
        {
            if (outputs.WriteComparison() is { } index)
                diagnostics.Progress($"audits side by side: {index}");
            return false;
        }
        catch (AuditInputException e)
        {
            diagnostics.Report(DiagnosticSeverity.Error, e.Code, e.Message);
            return true;
        }
    }

    /// <summary>Prints each failed check; returns true when one of them fails the build.</summary>
    private bool ReportChecks(AuditResult result)
    {
        bool failsBuild = false;
        foreach (CheckResult check in result.Checks.Where(c => c.Verdict == Verdict.Fail))
            failsBuild |= ReportGateFailure(result.Audit, check.Severity, check.Code, ConditionSentence.For(check), check.Location);
        return failsBuild;
    }

    /// <summary>
    /// One gate failure: an error when its severity is Error and the build gates, otherwise a warning
    /// (report-only mode says so). Returns true when it fails the build.
    /// </summary>
    private bool ReportGateFailure(string audit, CheckSeverity severity, string code, string message, SourceLocation? location)
    {
        bool asError = severity == CheckSeverity.Error && failBuild;
        string suffix = severity == CheckSeverity.Error && !failBuild ? " (report-only: InterpAuditFailBuild=false)" : "";
        diagnostics.Report(asError ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, code, $"[{audit}] {message}{suffix}", location);
        return asError;
    }

    /// <summary>Reads what the policy needs (the committed files are read only when comparing) and decides.</summary>
    private BaselineDecision DecideBaseline(AuditResult result)
    {
        string audit = result.Audit;
        bool compare = mode == BaselineMode.Compare;
        return BaselinePolicy.Decide(result, mode, compare ? baselines.Load(audit) : null, compare ? baselines.LoadSuppressions(audit) : [],
            calibrationRuns, baselines.BaselinePath(audit), baselines.SuppressionsPath(audit));
    }

    private void CommitBaseline(BaselineDecision decision)
    {
        if (decision.Write is { } baseline)
        {
            baselines.Save(baseline);
            if (decision.ClearSuppressions)
            {
                baselines.SaveSuppressions(baseline.Audit, []);
                diagnostics.Progress($"[{baseline.Audit}] baseline accepted from {baseline.Runs.Count} run(s): {baselines.BaselinePath(baseline.Audit)} (commit it)");
                foreach (string line in CalibrationSummary.Format(CalibrationSummary.Rows(baseline, decision.Result.Checks)).Split('\n'))
                    diagnostics.Progress($"[{baseline.Audit}] {line.TrimEnd()}");
            }
        }
    }

    /// <summary>Prints the regression gate's findings; returns true when one of them fails the build.</summary>
    private bool ReportFindings(string audit, IReadOnlyList<RegressionFinding> findings, SourceLocation? auditLocation)
    {
        bool failsBuild = false;
        foreach (RegressionFinding finding in findings)
            failsBuild |= ReportGateFailure(audit, finding.Severity, finding.Code, LogMessage(finding), finding.Check?.Location ?? auditLocation);
        return failsBuild;
    }

    /// <summary>A regressed check in the reports' sentence, then what to do; other findings as the gate wrote them.</summary>
    private static string LogMessage(RegressionFinding finding) =>
        finding is { Check.Baseline: not null, Remedy: { } remedy } ? $"{ConditionSentence.Regression(finding.Check)} {remedy}" : finding.Message;
}
