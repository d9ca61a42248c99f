using InterpAudit.Modularity;
using InterpAudit.Reporting.Images;
using InterpAudit.Reporting.Sections;
using InterpAudit.Reporting.Tests.Images;
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
    public void The_heat_map_is_one_image_shaded_by_weight_under_the_block_boundaries()
    {
        string html = SampleResults.Render(new HtmlReportWriter(), WithModularity());
        Assert.Contains("<td class=\"num\">1.000</td><td class=\"num\">0.500 ± 0.141</td><td class=\"num\">1.000</td>", html); // null 0.5 ± sd 0.141; normalised (1 − 0.5)/(1 − 0.5)
        Assert.DoesNotContain("<rect x=\"4\"", html); // no rectangle per cell any more
        Assert.Contains("<line x1=\"0\" x2=\"16\" y1=\"8\" y2=\"8\"", html); // between the two output blocks
        Assert.Contains("<line x1=\"8\" x2=\"8\" y1=\"0\" y2=\"16\"", html); // between the two input blocks

        ModularityView.Layer layer = Assert.Single(View(WithModularity()).Layers);
        Assert.Contains("<image href=\"" + layer.Image!.Replace("=", "&#x3D;") + "\" x=\"0\" y=\"0\" width=\"16\" height=\"16\"", html);
        DecodedPng image = DecodedPng.FromDataUri(layer.Image);
        Assert.Equal((4, 4), (image.Width, image.Height)); // a pixel per grid cell, shown at 4 px
        // |W| = 2, the largest: the ink itself; |W| = 1 at opacity 0.5 over white: 0.5·(31, 35, 40) + 127.5 = (143, 145, 147.5 → 148); 0: white.
        Assert.Equal(new Rgb(31, 35, 40), image.Pixels[2, 3]);
        Assert.Equal(new Rgb(143, 145, 148), image.Pixels[1, 0]);
        Assert.Equal(new Rgb(255, 255, 255), image.Pixels[3, 0]);
    }

    [Fact]
    public void The_table_behind_the_map_gives_the_mean_weight_per_pair_of_groups()
    {
        string html = SampleResults.Render(new HtmlReportWriter(), WithModularity());
        // Blocks of the 4 × 4 grid: outputs 0-1 × inputs 0-1 all 1, outputs 2-3 × inputs 2-3 all 2, the rest 0.
        Assert.Contains("<details><summary>Mean |W| per group of fc2</summary>", html);
        Assert.Contains("<tr><th>group 0</th><td>1</td><td>0</td></tr><tr><th>group 1</th><td>0</td><td>2</td></tr>", html);
        Assert.DoesNotContain("a cell that straddles", html); // every cell is one unit: the means are exact
    }

    [Fact]
    public void A_downsampled_map_s_group_means_weigh_each_cell_by_its_units_in_the_group()
    {
        // 3 outputs drawn in 2 rows (units 0 | 1-2) and 1 input; groups of outputs {0, 1} and {2}. Row 0 is unit 0 (|w| 3),
        // row 1 the mean of units 1 and 2 (|w| 6, say 4 and 8): group 0 = (3 + 6)/2 = 4.5, group 1 = 6 (the straddling cell's mean).
        var blocks = new BlockOrderedWeights([0, 1, 2], [0], [2, 1], [1, 0], [[3], [6]]);
        var modularity = new LayerModularityResult("fc1", 3, 1, new ModularityOptions(Clusters: 2), [0, 0, 1], [0], [], [],
            0.9, [0.5, 0.5], new ClusterabilityNull([0.4, 0.6]), new Interval(0.9, 1.0, "null-se-95"), 0.5, blocks);
        AuditResult result = SampleResults.Create() with { Measurements = new Dictionary<string, object> { ["modularity(fc1)"] = modularity } };
        ModularityView.BlockTable table = Assert.Single(View(result).Layers).Blocks;
        Assert.Equal(["4.5", "—"], table.Rows[0].Values); // the second input group is empty
        Assert.Equal(["6", "—"], table.Rows[1].Values);
        Assert.False(table.Exact);
    }

    private static ModularityView View(AuditResult result) =>
        Assert.IsType<ModularityView>(HtmlReportWriter.BuildModel(result).Sections.Single(s => s.Name == "modularity").View);

    [Fact]
    public void Layer_names_are_escaped()
    {
        string html = SampleResults.Render(new HtmlReportWriter(), WithModularity(layer: "<i>fc2</i>"));
        Assert.DoesNotContain("<i>fc2</i>", html);
    }
}
