namespace InterpAudit.Reporting.Sections;

/// <summary>
/// One part of index.html that a family owns: its figures across every audit's metrics.json, and the
/// partial that renders them. Discovered like <see cref="IReportSection"/> (<see cref="ComparisonSections"/>).
/// </summary>
internal interface IComparisonSection
{
    /// <summary>The section's name in the view model, e.g. <c>modularity</c>.</summary>
    string Name { get; }

    /// <summary>The partial that renders <see cref="Build"/>'s view, e.g. <c>comparison/modularity</c>.</summary>
    string Partial { get; }

    int Order { get; }

    /// <summary>
    /// The view over the audits that have outputs, or null when none measured what it shows. Throws
    /// <see cref="FormatException"/> (and the other exceptions <see cref="ComparisonPage.Read"/> lists)
    /// on a metrics file that lacks what it reads, which makes Read skip that file.
    /// </summary>
    object? Build(IReadOnlyList<ComparisonPage.Audit> audits);
}
