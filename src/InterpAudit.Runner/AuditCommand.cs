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
using InterpAudit.Sharding;

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

    public static int Run(AuditOptions options, TextWriter output) =>
        GuardedCommand.Run(options.LogFile, output, diagnostics => RunAudits(options, diagnostics));

    private static int RunAudits(AuditOptions options, BuildDiagnostics diagnostics)
    {
        // First: a report template that does not parse (IA3031) is a mistake in the options, reported
        // before any audit spends minutes only to fail writing its report.
        AuditOutputs outputs = AuditOutputs.Create(options.ResolvedOutputDirectory, options.ReportTemplate);
        // Also before any audit: a shard that is not i/n (IA3040), or one asked to accept a baseline that
        // only the merged audit can give.
        ShardSpec? shard = options.Shard is null ? null : ShardSpec.Parse(options.Shard);
        if (shard is not null && options.AcceptBaseline)
            throw new AuditInputException(DiagnosticCodes.InvalidShard,
                $"--shard {shard} with --accept-baseline: a shard holds part of the audit, so it cannot be a baseline. Expected --accept-baseline on 'interpaudit merge' instead.");
        Assembly assembly = AuditDiscovery.Load(options.AssemblyPath);
        IReadOnlyList<DiscoveredAudit> audits = AuditDiscovery.Find(assembly, options.OnlyAudit);
        // Before anything touches TorchSharp: its native backend is the audited project's (IA3102 if it has none).
        NativeBackend.UseProjectBackend(options.AssemblyPath);
        diagnostics.LogOnly($"TorchSharp native backend: {NativeBackend.ResolvedFrom ?? "beside the runner"}");
        SourceLocator sources = options.SourcesFile is null ? SourceLocator.Empty : SourceLocator.Parse(ReadSources(options.SourcesFile));
        var baselines = new BaselineStore(options.ResolvedBaselineDirectory);
        IReadOnlyList<AuditResult> calibrationRuns = (options.CalibrationRuns ?? []).Select(MetricsFile.Read).ToList();
        var completion = new AuditCompletion(outputs, baselines, options.BaselineMode, calibrationRuns, options.FailBuild, diagnostics);

        // Relative paths in user code (weights, data) mean the project directory, as in the IDE.
        Directory.SetCurrentDirectory(options.ProjectDirectory);

        // The same for every audit of the project: read once. Outside a repository the outputs' paths
        // are relative to the project directory instead of the working tree's root.
        string? sourceRevision = GitRevision.Of(options.ProjectDirectory), repositoryRoot = GitRevision.RepositoryRoot(options.ProjectDirectory);
        bool? sourceDirty = repositoryRoot is null ? null : GitWorkingTree.IsDirty(repositoryRoot);
        RuntimeVersions runtime = RuntimeProbe.Of(options.AssemblyPath);
        bool badInput = false, checksFailed = false, internalError = false;
        // What the audits so far gave each shard: every job plans every audit, in the same order.
        double[] shardLoads = new double[shard?.Count ?? 1];
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
                    .Run(new AuditRequest(target, WeightsLoader.Instance, audit.Audit, audit.Checks, options.Device, ToolVersion) { Threads = options.ResolvedThreads, Shard = shard, ShardLoads = shardLoads });
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
                if (shard is not null)
                {
                    // A partial result: judged by merge, together with the other shards, never here.
                    IReadOnlyList<CheckDeclaration> declarations = result.Shard!.Declarations;
                    result = result with
                    {
                        Shard = result.Shard with
                        {
                            AuditLocation = auditLocation,
                            Deferred = result.Shard.Deferred?.Select(d => d with
                            {
                                Location = sources.CheckAttribute(audit.Type, audit.Audit.Name, declarations[d.Declaration]) ?? auditLocation,
                            }).ToList(),
                        },
                    };
                    shardLoads = ShardPlan.Loads(result.Shard.Plan, shardLoads);
                    diagnostics.Progress($"[{audit.Audit.Name}] shard {shard} ran {result.Shard.Units.Count} of {result.Shard.Plan.Count} work unit(s), {result.Checks.Count} check(s); merge it with the others: {outputs.WriteShard(result)}");
                    continue;
                }
                checksFailed |= completion.Complete(result, auditLocation, startedAt);
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
                diagnostics.Report(DiagnosticSeverity.Error, DiagnosticCodes.InternalError, $"[{audit.Audit.Name}] {GuardedCommand.InternalError(e, options.LogFile)}", auditLocation);
                diagnostics.LogOnly(e.ToString());
                RecordFailure(outputs, audit.Audit.Name, startedAt, DiagnosticCodes.InternalError, diagnostics);
                internalError = true;
            }
        }
        // A shard's folder holds a partial result only: the index page is the merge's to write.
        if (audits.Count > 0 && shard is null) badInput |= completion.WriteComparison();
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

    private static IEnumerable<string> ReadSources(string sourcesFile) =>
        File.Exists(sourcesFile)
            ? File.ReadAllLines(sourcesFile).Where(l => l.Trim().Length > 0).Select(l => l.Trim())
            : throw new AuditInputException(DiagnosticCodes.InvalidArguments,
                $"Sources file '{sourcesFile}' does not exist: expected a list of the project's C# files, one per line.", sourcesFile);

    private sealed class Progress(BuildDiagnostics diagnostics, string audit) : IProgress<string>
    {
        public void Report(string value) => diagnostics.Progress($"[{audit}] {value}");
    }
}
