using InterpAudit.Diagnostics;
using InterpAudit.Reporting;
using InterpAudit.Results;

namespace InterpAudit.Runner.Output;

/// <summary>Writes one audit's outputs to <c>&lt;output&gt;/&lt;audit name&gt;/</c>, all or nothing.</summary>
internal sealed class AuditOutputs(string outputDirectory, IReadOnlyList<IReportWriter> writers)
{
    public static AuditOutputs Create(string outputDirectory, string? reportTemplate) =>
        new(outputDirectory, [new MetricsJsonWriter(), new HtmlReportWriter(reportTemplate), new SarifWriter(), new JUnitWriter(), new MarkdownSummaryWriter()]);

    public IReadOnlyList<string> Write(AuditResult result)
    {
        string directory = Path.Combine(outputDirectory, result.Audit);
        return Atomically(directory, writers.Select(w => (w.FileName, (Action<Stream>)(stream => w.Write(result, stream)))));
    }

    /// <summary>
    /// <c>&lt;output&gt;/index.html</c> over every audit's latest metrics.json in the output folder (the ones
    /// just written and those of earlier runs of other audits); null when there are none.
    /// </summary>
    public string? WriteComparison()
    {
        IReadOnlyList<ComparisonPage.Audit> audits = ComparisonPage.Read(outputDirectory);
        if (audits.Count == 0) return null;
        var page = new ComparisonPage();
        return Atomically(outputDirectory, [(ComparisonPage.FileName, stream => page.Write(audits, stream))])[0];
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
