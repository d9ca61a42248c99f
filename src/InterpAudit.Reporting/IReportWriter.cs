using InterpAudit.Results;

namespace InterpAudit.Reporting;

/// <summary>One output format, rendered from the same <see cref="AuditResult"/> as every other.</summary>
public interface IReportWriter
{
    /// <summary>The file name inside the audit's output folder, e.g. <c>metrics.json</c>.</summary>
    string FileName { get; }

    void Write(AuditResult result, Stream destination);
}
