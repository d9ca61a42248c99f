using InterpAudit.Baselines;
using InterpAudit.Diagnostics;
using InterpAudit.Results;
using InterpAudit.Runner.Baselines;
using InterpAudit.Runner.Output;
using InterpAudit.Runner.Sharding;

namespace InterpAudit.Runner;

/// <summary>
/// <c>interpaudit merge</c>: the shards of each audit (<c>audit --shard i/n</c>) combined into one
/// result, then judged, written and reported exactly as <c>audit</c> does, with its exit codes. An
/// audit whose shards do not fit together (IA3041–IA3043) writes nothing; the others still merge.
/// </summary>
internal static class MergeCommand
{
    public static int Run(MergeOptions options, TextWriter output) =>
        GuardedCommand.Run(options.LogFile, output, diagnostics => Merge(options, diagnostics));

    private static int Merge(MergeOptions options, BuildDiagnostics diagnostics)
    {
        string outputDirectory = Path.GetFullPath(options.OutputDirectory ?? "interpaudit");
        AuditOutputs outputs = AuditOutputs.Create(outputDirectory, options.ReportTemplate);
        if (options.ShardFiles.Count == 0)
            throw new AuditInputException(DiagnosticCodes.InvalidArguments, "No shard files given: expected the metrics.shard-i-of-n.json of every shard.");
        List<ShardFile> files = options.ShardFiles.Select(Read).ToList();
        string baselineDirectory = Path.GetFullPath(options.BaselineDirectory ?? ".");
        var baselines = new BaselineStore(baselineDirectory);
        var completion = new AuditCompletion(outputs, baselines, options.BaselineMode, [], options.FailBuild, diagnostics);
        // The shards' paths are already relative to their checkout's root; the baseline is this job's.
        string sourceRoot = GitRevision.RepositoryRoot(baselineDirectory) ?? baselineDirectory;

        bool badInput = false, checksFailed = false;
        foreach (IGrouping<string, ShardFile> audit in files.GroupBy(f => f.Shard.Identity.Audit, StringComparer.Ordinal))
        {
            try
            {
                AuditResult merged = ShardMerge.Combine(audit.ToList());
                merged = merged with
                {
                    SourceRoot = sourceRoot,
                    BaselineFile = options.BaselineMode == BaselineMode.Compare && baselines.Sha256(audit.Key) is { } sha
                        ? new BaselineFile(baselines.BaselinePath(audit.Key), sha) : null,
                };
                diagnostics.Progress($"[{audit.Key}] merged {audit.Count()} shard(s) of {merged.Checks.Count} check(s)");
                ShardFile first = audit.OrderBy(f => f.Shard.Index).First();
                checksFailed |= completion.Complete(merged, first.Shard.AuditLocation, merged.StartedAt);
            }
            catch (AuditInputException e)
            {
                diagnostics.Report(DiagnosticSeverity.Error, e.Code, e.Message);
                badInput = true;
            }
        }
        badInput |= completion.WriteComparison();
        return badInput ? ExitCodes.BadInput : checksFailed ? ExitCodes.ChecksFailed : ExitCodes.Passed;
    }

    /// <summary>A shard's file, or IA3041 for a complete audit's metrics.json (it has no part to merge).</summary>
    private static ShardFile Read(string path)
    {
        AuditResult result = MetricsFile.ReadAny(path);
        return result.Shard is null
            ? throw new AuditInputException(DiagnosticCodes.ShardsMismatched,
                $"[{result.Audit}] '{path}' is a complete audit's metrics.json, not a shard: expected the metrics.shard-i-of-n.json that 'interpaudit audit --shard i/n' writes.", path)
            : new ShardFile(Path.GetFullPath(path), result);
    }
}
