using InterpAudit.Modularity;
using InterpAudit.Results;
using Snapshooter.Xunit;

namespace InterpAudit.Reporting.Tests;

public sealed class ModularitySectionTests
{
    /// <summary>A 4×4 layer in two perfect 2×2 blocks: C = 1 against a null of 0.5.</summary>
    private static AuditResult WithModularity(string layer = "fc2")
    {
        IReadOnlyList<double>[] grid = [[1, 1, 0, 0], [1, 1, 0, 0], [0, 0, 2, 2], [0, 0, 2, 2]];
        var blocks = new BlockOrderedWeights([0, 1, 2, 3], [0, 1, 2, 3], [2, 2], [2, 2], grid);
        var modularity = new LayerModularityResult(layer, 4, 4, new ModularityOptions(Clusters: 2), [0, 0, 1, 1], [0, 0, 1, 1], [], [],
            1.0, [0.2, 0.8], new ClusterabilityNull([0.4, 0.6]), new Interval(0.9, 1.0, "null-se-95"), 0.5, blocks);
        AuditResult result = SampleResults.Create();
        return result with { Measurements = new Dictionary<string, object>(result.Measurements) { ["modularity(fc2)"] = modularity } };
    }

    [Fact]
    public void The_modularity_section_matches_its_snapshot()
    {
        Snapshot.Match(SampleResults.Render(new HtmlReportWriter(), WithModularity()));
    }

    [Fact]
    public void The_heat_map_shades_by_weight_and_draws_the_block_boundaries()
    {
        string html = SampleResults.Render(new HtmlReportWriter(), WithModularity());
        Assert.Contains("<td class=\"num\">1.000</td><td class=\"num\">0.500 ± 0.141</td><td class=\"num\">1.000</td>", html); // null 0.5 ± sd 0.141; normalised (1 − 0.5)/(1 − 0.5)
        Assert.Contains("<rect x=\"8\" y=\"8\" width=\"4\" height=\"4\" fill=\"#1f2328\" fill-opacity=\"1\">", html);  // |W| = 2, the largest
        Assert.Contains("<rect x=\"0\" y=\"0\" width=\"4\" height=\"4\" fill=\"#1f2328\" fill-opacity=\"0.5\">", html);
        Assert.Contains("<line x1=\"0\" x2=\"16\" y1=\"8\" y2=\"8\"", html); // between the two output blocks
        Assert.Contains("<line x1=\"8\" x2=\"8\" y1=\"0\" y2=\"16\"", html); // between the two input blocks
    }

    [Fact]
    public void Layer_names_are_escaped()
    {
        string html = SampleResults.Render(new HtmlReportWriter(), WithModularity(layer: "<i>fc2</i>"));
        Assert.DoesNotContain("<i>fc2</i>", html);
    }
}
