namespace InterpAudit.Reporting.Sections;

/// <summary>The report's sections in page order.</summary>
internal static class ReportSections
{
    public static IReadOnlyList<IReportSection> All { get; } = SectionDiscovery.All<IReportSection>(s => s.Order);
}
