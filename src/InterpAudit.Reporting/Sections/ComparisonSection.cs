namespace InterpAudit.Reporting.Sections;

/// <summary>An <see cref="IComparisonSection"/> with a typed view; its partial is <c>comparison/&lt;name&gt;</c>.</summary>
internal abstract class ComparisonSection<TView> : IComparisonSection where TView : class
{
    public abstract string Name { get; }

    public string Partial => "comparison/" + Name;

    public abstract int Order { get; }

    public abstract TView? Build(IReadOnlyList<ComparisonPage.Audit> audits);

    object? IComparisonSection.Build(IReadOnlyList<ComparisonPage.Audit> audits) => Build(audits);
}
