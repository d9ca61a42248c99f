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
        try
        {
            return AtomicOutput.WriteAll(directory,
                writers.Select(w => (w.FileName, (Action<Stream>)(stream => w.Write(result, stream)))));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AuditInputException(DiagnosticCodes.OutputNotWritable,
                $"Could not write the audit outputs to '{directory}': {e.Message} Expected a writable folder (set InterpAuditOutputPath to change it). The previous outputs, if any, are unchanged.",
                directory, e);
        }
    }
}
