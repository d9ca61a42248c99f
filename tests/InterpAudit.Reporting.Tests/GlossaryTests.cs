using InterpAudit.Checks;
using InterpAudit.Results;

namespace InterpAudit.Reporting.Tests;

/// <summary>Every number in the checks table is explained: each judged metric has a glossary entry, linked from its rows.</summary>
public sealed class GlossaryTests
{
    /// <summary>The metrics the families can judge, from the [Bound]s of every check attribute.</summary>
    private static readonly string[] BoundMetrics = CheckCatalog.Default.AttributeTypes
        .SelectMany(DeclaredLimits.BoundsOf).Select(b => b.Metric).Distinct().Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void Every_bound_metric_has_an_entry_and_every_entry_a_bound_metric()
    {
        Assert.Contains("accuracy", BoundMetrics); // the catalogue was read, not empty
        Assert.Equal(BoundMetrics, Glossary.Entries.Keys.Order(StringComparer.Ordinal));
        Assert.All(Glossary.Entries.Values, e =>
            Assert.All((string[])[e.Measures, e.Unit, e.Better, e.Reference], text => Assert.False(string.IsNullOrWhiteSpace(text))));
    }

    [Fact]
    public void Each_checked_metric_links_to_its_entry_which_the_page_holds_once()
    {
        string html = SampleResults.Render(new HtmlReportWriter(), SampleResults.Create());
        Assert.Contains("<td><a href=\"#metric-accuracy\">accuracy</a></td>", html);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<tr id=\"metric-accuracy\"><th>accuracy</th>"));
        Assert.Contains("Wilson (1927)", html);
        // Only the metrics the audit checks: the sample has no circuit check.
        Assert.DoesNotContain("id=\"metric-ecs\"", html);
    }

    [Fact]
    public void Counts_print_as_integers_and_other_values_with_four_decimals()
    {
        AuditResult sample = SampleResults.Create();
        var declaration = new CheckDeclaration("LibCheckAttribute", 0);
        CheckResult features = CheckResult.Judge(new MetricId("lib", "libFeatures", "layer=relu1"), 9, null, new Threshold(BoundKind.Max, 12), CheckSeverity.Error, "IA1101", declaration);
        ReportView view = HtmlReportWriter.BuildModel(sample with { Checks = [.. sample.Checks, features] });
        Assert.Equal(("9", "max 12"), (view.Checks[3].Value, view.Checks[3].Threshold));
        Assert.Equal(("0.9500", "min 0.90"), (view.Checks[0].Value, view.Checks[0].Threshold));
        Assert.Equal(["accuracy", "libFeatures"], view.Glossary.Select(t => t.Metric));
    }
}
