using InterpAudit.Ablation;
using InterpAudit.Results;
using Snapshooter.Xunit;

namespace InterpAudit.Reporting.Tests;

public sealed class AblationSectionTests
{
    /// <summary>
    /// Two clusters, two classes. Zero ablation: cluster 0 costs class "zero" half its accuracy, cluster 1
    /// costs the second class a quarter and lifts "zero" by 0.05. Mean ablation moves nothing.
    /// </summary>
    private static AuditResult WithAblation(string secondClass = "seven")
    {
        var zero = new AblationKindResult(AblationKind.Zero, [[-0.5, 0.0], [0.05, -0.25]], [1.0, 0.25 / 0.3],
            [[0.5, 0.5], [0.5, 1.0]], [1.0 / 3, 2.0 / 3], [0, 1], [0.0, 0.0]);
        var mean = new AblationKindResult(AblationKind.Mean, [[0.0, 0.0], [0.0, 0.0]], [0.5, 0.5],
            [[0.5, 0.5], [0.5, 0.5]], [1.0, 1.0], [-1, -1], [0.0, 0.0]);
        var ablation = new ClusterAblationResult("fc2", 4, ["zero", secondClass], new AblationOptions(RandomSets: 2), "modularity:fc2:k=2",
            [[0, 1], [2, 3]], [100, 100], [95, 83], [0.5, 0.25, 0.0, -1.0], zero, mean);
        AuditResult result = SampleResults.Create(className: secondClass);
        return result with { Measurements = new Dictionary<string, object>(result.Measurements) { ["ablation:fc2:k=2"] = ablation } };
    }

    [Fact]
    public void The_ablation_section_matches_its_snapshot()
    {
        Snapshot.Match(SampleResults.Render(new HtmlReportWriter(), WithAblation()));
    }

    [Fact]
    public void The_heat_maps_colour_drops_red_and_gains_blue_on_one_scale_for_both_kinds()
    {
        string html = SampleResults.Render(new HtmlReportWriter(), WithAblation());
        // Largest |Δ| is 0.5 (over both kinds): the strongest red (opacity 0.8, for the labels' contrast); 0.25 half that; the gain of 0.05 a tenth, in blue.
        Assert.Contains("<rect x=\"96\" y=\"20\" width=\"46\" height=\"22\" fill=\"#c44e52\" fill-opacity=\"0.8\"", html);
        Assert.Contains("<rect x=\"142\" y=\"42\" width=\"46\" height=\"22\" fill=\"#c44e52\" fill-opacity=\"0.4\"", html);
        Assert.Contains("<rect x=\"96\" y=\"42\" width=\"46\" height=\"22\" fill=\"#4c72b0\" fill-opacity=\"0.08\"", html);
        Assert.Contains(">−0.50</text>", html);
        Assert.Contains("zero ablation: mean S 0.917 (random sets 0.625), largest collateral drop 0.000.", html);
        Assert.Contains("mean ablation: mean S 0.500 (random sets 0.500)", html);
        // Cluster 1 under zero ablation: S = 0.25/0.30, p = 2/3, owns the second class.
        Assert.Contains("<tr><td>1</td><td class=\"num\">2</td><td class=\"num\">0.833</td><td class=\"num\">0.667</td><td>seven</td>", html);
        Assert.Contains("not more specialised clusters", html);
    }

    [Fact]
    public void Class_names_are_escaped_in_the_heat_map_and_the_table()
    {
        string html = SampleResults.Render(new HtmlReportWriter(), WithAblation(secondClass: "<script>x</script>"));
        Assert.DoesNotContain("<script>x</script>", html);
        Assert.Contains("text-anchor=\"middle\">&lt;script&gt;x&lt;/script&gt;</text>", html);
    }

    [Fact]
    public void Metrics_json_carries_both_matrices_and_the_ranks()
    {
        string json = SampleResults.Render(new MetricsJsonWriter(), WithAblation());
        Assert.Contains("\"ablation:fc2:k=2\": {", json);
        Assert.Contains("\"clusterSource\": \"modularity:fc2:k=2\"", json);
        Assert.Contains("\"kind\": \"zero\"", json);
        Assert.Contains("\"kind\": \"mean\"", json);
        Assert.Contains("\"meanSpecialization\": 0.9166666666666667", json);
        Assert.Contains("\"percentile\": [", json);
        Assert.Contains("\"unitMeans\": [", json);
    }
}
