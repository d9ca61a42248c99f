using InterpAudit.Reporting.Html;
using InterpAudit.Reporting.Sections;

namespace InterpAudit.Reporting;

/// <summary>
/// index.html's view model: a row per audit, the files the page could not read, and the families'
/// comparison sections. Versioned with <see cref="ReportView"/> by <see cref="Schema"/>.
/// </summary>
internal sealed record IndexView(int Schema, IReadOnlyList<IndexView.AuditRow> Audits, IReadOnlyList<IndexView.SkippedFile> Skipped,
    IReadOnlyList<SectionView> Sections, TrustedHtml Css)
{
    /// <summary>
    /// An audit's latest outputs: the link to its report (null when it has none), its verdict (ERROR when
    /// its last run failed after them, explained by <see cref="LastRun"/>), checks passed, the weights'
    /// SHA-256 prefix and when it started.
    /// </summary>
    public sealed record AuditRow(string Name, string? Report, string Verdict, string VerdictClass, string? LastRun, int Passed, int Total,
        string Weights, string Started);

    public sealed record SkippedFile(string Path, string Reason);
}
