using InterpAudit.Results;

namespace InterpAudit.Reporting.Sections;

/// <summary>
/// One part of report.html that a family (or the baseline comparison) owns: its view model and the
/// partial template that renders it. The report discovers every implementation in this assembly
/// (<see cref="ReportSections"/>), so adding a family's section touches no list.
/// </summary>
internal interface IReportSection
{
    /// <summary>The section's name in the view model, e.g. <c>modularity</c>.</summary>
    string Name { get; }

    /// <summary>The partial that renders <see cref="Build"/>'s view, e.g. <c>sections/modularity</c>.</summary>
    string Partial { get; }

    /// <summary>Where the section stands on the page, ascending.</summary>
    int Order { get; }

    /// <summary>The section's view model, or null when the audit measured nothing it shows.</summary>
    object? Build(AuditResult result);
}
