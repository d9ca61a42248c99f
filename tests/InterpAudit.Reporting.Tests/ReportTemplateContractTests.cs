using System.Reflection;
using InterpAudit.Reporting.Html;
using InterpAudit.Reporting.Sections;
using Scriban.Runtime;

namespace InterpAudit.Reporting.Tests;

/// <summary>The view models are a user template's contract: each field documented, each section with its partial.</summary>
public sealed class ReportTemplateContractTests
{
    private static IEnumerable<Type> SectionViews<TSection>(Type generic) =>
        SectionDiscovery.All<TSection>(_ => 0).Select(s => s!.GetType().BaseType!).Where(t => t.IsGenericType && t.GetGenericTypeDefinition() == generic)
            .Select(t => t.GetGenericArguments()[0]);

    /// <summary>The record types a template can reach from a view: itself, and those nested in it.</summary>
    private static IEnumerable<Type> Reachable(Type view) => [view, .. view.GetNestedTypes(BindingFlags.Public).SelectMany(Reachable)];

    [Fact]
    public void Every_view_field_is_named_in_docs_report_template_md()
    {
        string docs = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "report-template.md"));
        Type[] views = [typeof(ReportView), typeof(IndexView), typeof(SectionView),
            .. SectionViews<IReportSection>(typeof(ReportSection<>)), .. SectionViews<IComparisonSection>(typeof(ComparisonSection<>))];
        string[] missing = views.SelectMany(Reachable)
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.Name != "EqualityContract")
                .Select(p => (Type: t, Name: StandardMemberRenamer.Rename(p.Name))))
            .Where(f => !docs.Contains($"`{f.Name}`", StringComparison.Ordinal) && !docs.Contains($"`{f.Name}[]`", StringComparison.Ordinal))
            .Select(f => $"{f.Type.Name}.{f.Name}").Distinct().ToArray();
        Assert.Empty(missing);
    }

    [Fact]
    public void Every_section_has_a_built_in_partial_and_a_unique_name_and_place()
    {
        foreach (IReportSection section in ReportSections.All)
            Assert.True(TemplateResources.Exists(section.Partial + PartialLoader.Extension), section.Partial);
        foreach (IComparisonSection section in ComparisonSections.All)
            Assert.True(TemplateResources.Exists(section.Partial + PartialLoader.Extension), section.Partial);
        Assert.Equal(8, ReportSections.All.Select(s => s.Name).Distinct().Count());
        Assert.Equal(ReportSections.All.Count, ReportSections.All.Select(s => s.Order).Distinct().Count());
        Assert.Equal(3, ComparisonSections.All.Select(s => s.Name).Distinct().Count());
    }

    private static string RepoRoot()
    {
        for (DirectoryInfo? d = new(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "InterpAudit.sln"))) return d.FullName;
        throw new InvalidOperationException("repository root not found");
    }
}
