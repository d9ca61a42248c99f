using InterpAudit.Runner.Loading;
using System.Reflection;
using InterpAudit.Auditing;
using InterpAudit.Baselines;
using InterpAudit.Checks;
using InterpAudit.Diagnostics;
using InterpAudit.Reporting;
using InterpAudit.Results;
using InterpAudit.Runner.Baselines;
using InterpAudit.Runner.Discovery;
using InterpAudit.Runner.Locations;
using InterpAudit.Runner.Native;
using InterpAudit.Runner.Output;

namespace InterpAudit.Runner;

/// <summary>
/// <c>interpaudit audit</c>: discover the audits in the built assembly, run each, write its outputs
/// and print one canonical diagnostic per failed check at the declaring attribute. Bad input for an
/// audit (IA3xxx) stops that audit without writing its outputs; the others still run.
/// </summary>
internal static class AuditCommand
{
    public static string ToolVersion { get; } =
        typeof(AuditCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public static int Run(AuditOptions options, TextWriter output)
    {
        using StreamWriter? log = OpenLog(options.LogFile);
        var diagnostics = new BuildDiagnostics(output, log);
        try
        {
            return RunAudits(options, diagnostics);
        }
        catch (AuditInputException e)
        {
            diagnostics.Report(DiagnosticSeverity.Error, e.Code, e.Message);
            return ExitCodes.BadInput;
        }
        catch (Exception e)
        {
            diagnostics.Report(DiagnosticSeverity.Error, DiagnosticCodes.InternalError, InternalError(e, options));
            diagnostics.LogOnly(e.ToString());
            return ExitCodes.InternalError;
        }
    }

    private static string InternalError(Exception e, AuditOptions options) =>
        $"Internal error: {e.GetType().Name}: {e.Message}. This is a bug in InterpAudit; the details are in {options.LogFile ?? "the log (pass --log FILE)"}.";

    private static int RunAudits(AuditOptions options, BuildDiagnostics diagnostics)
    {
        // First: a report template that does not parse (IA3031) is a mistake in the options, reported
        // before any audit spends minutes only to fail writing its report.
        AuditOutputs outputs = AuditOutputs.Create(options.ResolvedOutputDirectory, options.ReportTemplate);
        Assembly assembly = AuditDiscovery.Load(options.AssemblyPath);
        IReadOnlyList<DiscoveredAudit> audits = AuditDiscovery.Find(assembly, options.OnlyAudit);
        // Before anything touches TorchSharp: its native backend is the audited project's (IA3102 if it has none).
        NativeBackend.UseProjectBackend(options.AssemblyPath);
        diagnostics.LogOnly($"TorchSharp native backend: {NativeBackend.ResolvedFrom ?? "beside the runner"}");
        SourceLocator sources = options.SourcesFile is null ? SourceLocator.Empty : SourceLocator.Parse(ReadSources(options.SourcesFile));
        var baselines = new BaselineStore(options.ResolvedBaselineDirectory);
        IReadOnlyList<AuditResult> calibrationRuns = (options.CalibrationRuns ?? []).Select(MetricsFile.Read).ToList();

        // Relative paths in user code (weights, data) mean the project directory, as in the IDE.
        Directory.SetCurrentDirectory(options.ProjectDirectory);

        // The same for every audit of the project: read once. Outside a repository the outputs' paths
        // are relative to the project directory instead of the working tree's root.
        string? sourceRevision = GitRevision.Of(options.ProjectDirectory), repositoryRoot = GitRevision.RepositoryRoot(options.ProjectDirectory);
        bool? sourceDirty = repositoryRoot is null ? null : GitWorkingTree.IsDirty(repositoryRoot);
        RuntimeVersions runtime = RuntimeProbe.Of(options.AssemblyPath);
        bool badInput = false, checksFailed = false, internalError = false;
        foreach (DiscoveredAudit audit in audits)
        {
            SourceLocation? auditLocation = sources.AuditAttribute(audit.Type, audit.Audit.Name);
            DateTimeOffset startedAt = DateTimeOffset.UtcNow;
            try
            {
                AuditDiscovery.RequireUsableName(audit, audits);
                var progress = new Progress(diagnostics, audit.Audit.Name);
                IAuditTarget target = AuditDiscovery.Create(audit);
                AuditResult result = new AuditEngine(CheckCatalog.Default, progress)
                    .Run(new AuditRequest(target, WeightsLoader.Instance, audit.Audit, audit.Checks, options.Device, ToolVersion) { Threads = options.ResolvedThreads });
                result = result with
                {
                    SourceRevision = sourceRevision,
                    SourceDirty = sourceDirty,
                    SourceRoot = repositoryRoot ?? options.ProjectDirectory,
                    PathsRelativeTo = repositoryRoot is null ? PathBase.Project : PathBase.Repository,
                    Runtime = runtime,
                    BaselineFile = options.BaselineMode == BaselineMode.Compare && baselines.Sha256(audit.Audit.Name) is { } baselineSha
                        ? new BaselineFile(baselines.BaselinePath(audit.Audit.Name), baselineSha) : null,
                    Checks = result.Checks.Select(c => c with { Location = sources.CheckAttribute(audit.Type, audit.Audit.Name, c.Declaration) ?? auditLocation }).ToList(),
                };
                BaselineDecision decision = DecideBaseline(result, options.BaselineMode, baselines, calibrationRuns);
                result = decision.Result;
                IReadOnlyList<RegressionFinding> findings = decision.Findings;
                IReadOnlyList<string> written = outputs.Write(result);
                // Only after the outputs are complete: a run that fails must leave the project folder as it was.
                CommitBaseline(decision, baselines, diagnostics);
                checksFailed |= ReportChecks(result, options.FailBuild, diagnostics);
                checksFailed |= ReportFindings(result.Audit, findings, options.FailBuild, auditLocation, diagnostics);
                outputs.RecordRun(new LastRun(result.Audit, startedAt, result.Verdict.ToString().ToLowerInvariant(),
                    result.Checks.Where(c => c.Verdict == Verdict.Fail).Select(c => c.Code).Concat(findings.Select(f => f.Code)).Distinct().ToArray()));
                diagnostics.Progress($"[{audit.Audit.Name}] {result.Verdict.ToString().ToUpperInvariant()}: {result.Checks.Count(c => !c.FailsGate)}/{result.Checks.Count} checks passed; report: {written.First(p => p.EndsWith(".html", StringComparison.Ordinal))}");
            }
            catch (AuditInputException e)
            {
                SourceLocation? location = e.Declaration is null ? auditLocation : sources.CheckAttribute(audit.Type, audit.Audit.Name, e.Declaration) ?? auditLocation;
                diagnostics.Report(DiagnosticSeverity.Error, e.Code, $"[{audit.Audit.Name}] {e.Message}", location);
                if (e.InnerException is not null) diagnostics.LogOnly(e.InnerException.ToString());
                RecordFailure(outputs, audit.Audit.Name, startedAt, e.Code, diagnostics);
                badInput = true;
            }
            catch (Exception e)
            {
                // At the audit, recorded, and the other audits still run; the exit code says it was internal.
                diagnostics.Report(DiagnosticSeverity.Error, DiagnosticCodes.InternalError, $"[{audit.Audit.Name}] {InternalError(e, options)}", auditLocation);
                diagnostics.LogOnly(e.ToString());
                RecordFailure(outputs, audit.Audit.Name, startedAt, DiagnosticCodes.InternalError, diagnostics);
                internalError = true;
            }
        }
        if (audits.Count > 0)
        {
            try
            {
                if (outputs.WriteComparison() is { } index)
                    diagnostics.Progress($"audits side by side: {index}");
            }
            catch (AuditInputException e)
            {
                diagnostics.Report(DiagnosticSeverity.Error, e.Code, e.Message);
                badInput = true;
            }
        }
        return internalError ? ExitCodes.InternalError : badInput ? ExitCodes.BadInput : checksFailed ? ExitCodes.ChecksFailed : ExitCodes.Passed;
    }

    /// <summary>
    /// last-run.json for a run that wrote no outputs, so that the index page does not show the previous
    /// ones as current. Best effort: the failure may be that the folder cannot be written (IA3015, already
    /// reported); and a name that is not a usable folder name gets no folder at all.
    /// </summary>
    private static void RecordFailure(AuditOutputs outputs, string audit, DateTimeOffset startedAt, string code, BuildDiagnostics diagnostics)
    {
        if (code == DiagnosticCodes.InvalidAuditName) return;
        try
        {
            outputs.RecordRun(new LastRun(audit, startedAt, LastRun.Error, [code]));
        }
        catch (AuditInputException e)
        {
            diagnostics.LogOnly($"[{audit}] {LastRun.FileName} not written: {e.Message}");
        }
    }

    /// <summary>Prints each failed check; returns true when one of them fails the build.</summary>
    private static bool ReportChecks(AuditResult result, bool failBuild, BuildDiagnostics diagnostics)
    {
        bool failsBuild = false;
        foreach (CheckResult check in result.Checks.Where(c => c.Verdict == Verdict.Fail))
            failsBuild |= ReportGateFailure(result.Audit, check.Severity, check.Code, ConditionSentence.For(check), check.Location, failBuild, diagnostics);
        return failsBuild;
    }

    /// <summary>
    /// One gate failure: an error when its severity is Error and the build gates, otherwise a warning
    /// (report-only mode says so). Returns true when it fails the build.
    /// </summary>
    private static bool ReportGateFailure(string audit, CheckSeverity severity, string code, string message, SourceLocation? location,
        bool failBuild, BuildDiagnostics diagnostics)
    {
        bool asError = severity == CheckSeverity.Error && failBuild;
        string suffix = severity == CheckSeverity.Error && !failBuild ? " (report-only: InterpAuditFailBuild=false)" : "";
        diagnostics.Report(asError ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, code, $"[{audit}] {message}{suffix}", location);
        return asError;
    }

    /// <summary>Reads what the policy needs (the committed files are read only when comparing) and decides.</summary>
    private static BaselineDecision DecideBaseline(AuditResult result, BaselineMode mode, BaselineStore baselines, IReadOnlyList<AuditResult> calibrationRuns)
    {
        string audit = result.Audit;
        bool compare = mode == BaselineMode.Compare;
        return BaselinePolicy.Decide(result, mode, compare ? baselines.Load(audit) : null, compare ? baselines.LoadSuppressions(audit) : [],
            calibrationRuns, baselines.BaselinePath(audit), baselines.SuppressionsPath(audit));
    }

    private static void CommitBaseline(BaselineDecision decision, BaselineStore baselines, BuildDiagnostics diagnostics)
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
    private static bool ReportFindings(string audit, IReadOnlyList<RegressionFinding> findings, bool failBuild, SourceLocation? auditLocation, BuildDiagnostics diagnostics)
    {
        bool failsBuild = false;
        foreach (RegressionFinding finding in findings)
            failsBuild |= ReportGateFailure(audit, finding.Severity, finding.Code, LogMessage(finding), finding.Check?.Location ?? auditLocation, failBuild, diagnostics);
        return failsBuild;
    }

    /// <summary>A regressed check in the reports' sentence, then what to do; other findings as the gate wrote them.</summary>
    private static string LogMessage(RegressionFinding finding) =>
        finding is { Check.Baseline: not null, Remedy: { } remedy } ? $"{ConditionSentence.Regression(finding.Check)} {remedy}" : finding.Message;

    private static IEnumerable<string> ReadSources(string sourcesFile) =>
        File.Exists(sourcesFile)
            ? File.ReadAllLines(sourcesFile).Where(l => l.Trim().Length > 0).Select(l => l.Trim())
            : throw new AuditInputException(DiagnosticCodes.InvalidArguments,
                $"Sources file '{sourcesFile}' does not exist: expected a list of the project's C# files, one per line.", sourcesFile);

    private static StreamWriter? OpenLog(string? path)
    {
        if (path is null) return null;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        return new StreamWriter(path, append: false) { AutoFlush = true };
    }

    private sealed class Progress(BuildDiagnostics diagnostics, string audit) : IProgress<string>
    {
        public void Report(string value) => diagnostics.Progress($"[{audit}] {value}");
    }
}
