namespace InterpAudit.Reporting.Sections;

/// <summary>The index page's family sections in page order.</summary>
internal static class ComparisonSections
{
    public static IReadOnlyList<IComparisonSection> All { get; } = SectionDiscovery.All<IComparisonSection>(s => s.Order);
}
