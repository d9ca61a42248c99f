using InterpAudit.Diagnostics;
using InterpAudit.Reporting;
using InterpAudit.Results;

namespace InterpAudit.Runner.Output;

/// <summary>Writes one audit's outputs to <c>&lt;output&gt;/&lt;audit name&gt;/</c>, all or nothing.</summary>
internal sealed class AuditOutputs(string outputDirectory, IReadOnlyList<IReportWriter> writers)
{
    public static AuditOutputs Create(string outputDirectory, string? reportTemplate) =>
        new(outputDirectory, [new MetricsJsonWriter(), new HtmlReportWriter(reportTemplate), new SarifWriter(), new JUnitWriter(), new MarkdownSummaryWriter()]);

    /// <summary>Every writer gets the result with its paths relative to the source root (<see cref="OutputPaths"/>).</summary>
    public IReadOnlyList<string> Write(AuditResult result)
    {
        string directory = Path.Combine(outputDirectory, result.Audit);
        AuditResult written = OutputPaths.Relative(result);
        return Atomically(directory, writers.Select(w => (w.FileName, (Action<Stream>)(stream => w.Write(written, stream)))));
    }

    /// <summary>
    /// A shard's partial metrics.json, <c>&lt;output&gt;/&lt;audit&gt;/metrics.shard-i-of-n.json</c>: named
    /// apart from metrics.json, so that it never passes for a complete audit (the index page, a baseline
    /// accept) and the shards of one audit can lie in one folder for merge.
    /// </summary>
    public string WriteShard(AuditResult result)
    {
        ShardInfo shard = result.Shard ?? throw new ArgumentException("not a shard's result", nameof(result));
        var metrics = new MetricsJsonWriter();
        return Atomically(Path.Combine(outputDirectory, result.Audit),
            [($"metrics.shard-{shard.Index}-of-{shard.Count}.json", stream => metrics.Write(OutputPaths.Relative(result), stream))])[0];
    }

    /// <summary>
    /// <c>&lt;output&gt;/&lt;audit&gt;/last-run.json</c>, on its own: after a successful run beside the
    /// outputs just written, after a failed one beside the previous outputs it leaves in place.
    /// </summary>
    public void RecordRun(LastRun run) =>
        Atomically(Path.Combine(outputDirectory, run.Audit), [(LastRun.FileName, run.Write)]);

    /// <summary>
    /// <c>&lt;output&gt;/index.html</c> over every audit's latest metrics.json and last-run.json in the output
    /// folder (the ones just written and those of earlier runs of other audits), listing the files it
    /// could not read; null when there is nothing to show.
    /// </summary>
    public string? WriteComparison()
    {
        ComparisonPage.Contents contents = ComparisonPage.Read(outputDirectory);
        if (contents.Audits.Count == 0 && contents.Skipped.Count == 0) return null;
        var page = new ComparisonPage();
        return Atomically(outputDirectory, [(ComparisonPage.FileName, stream => page.Write(contents, stream))])[0];
    }

    private static IReadOnlyList<string> Atomically(string directory, IEnumerable<(string FileName, Action<Stream> Write)> files)
    {
        try
        {
            return AtomicOutput.WriteAll(directory, files);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AuditInputException(DiagnosticCodes.OutputNotWritable,
                $"Could not write the audit outputs to '{directory}': {e.Message} Expected a writable folder (set InterpAuditOutputPath to change it). The previous outputs, if any, are unchanged.",
                directory, e);
        }
    }
}
