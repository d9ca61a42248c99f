namespace InterpAudit.Reporting.Sections;

/// <summary>
/// A section as a page template sees it: <c>name</c>, the <c>partial</c> to include, and its
/// <c>view</c> model, which the partial reads as <c>section.view</c>.
/// </summary>
internal sealed record SectionView(string Name, string Partial, object View);
