using InterpAudit.Results;

namespace InterpAudit.Reporting.Sections;

/// <summary>An <see cref="IReportSection"/> with a typed view; its partial is <c>sections/&lt;name&gt;</c>.</summary>
internal abstract class ReportSection<TView> : IReportSection where TView : class
{
    public abstract string Name { get; }

    public string Partial => "sections/" + Name;

    public abstract int Order { get; }

    public abstract TView? Build(AuditResult result);

    object? IReportSection.Build(AuditResult result) => Build(result);
}
