using System.Text.RegularExpressions;
using InterpAudit.Lib;
using InterpAudit.Results;
using Snapshooter.Xunit;

namespace InterpAudit.Reporting.Tests;

public sealed class LibSectionTests
{
    private static AuditResult WithLib(string layer = "relu1")
    {
        var first = new LibLayerResult(layer, 4, 100, 2, 1, 4, 3, [3.0, 1.0], [4.0, 3.0, 2.0, 1.0], 0.1, 0.01, 0.001);
        var pair = new LibInteractionResult(layer, "output", 2, 6, 3.0, 1.0, 1.0, 0, 0,
            [new InteractionEdge(0, 0, 0.7), new InteractionEdge(1, 1, 0.3)], [new InteractionEdge(0, 1, 0.2)], [0.7, 0.3], [0.7, 0.3], [], []);
        var lib = new LibResult(1e-10, 100, [first], [pair], "torch.linalg.eigh (float64)");
        AuditResult result = SampleResults.Create();
        return result with { Measurements = new Dictionary<string, object>(result.Measurements) { ["lib"] = lib } };
    }

    [Fact]
    public void The_lib_section_matches_its_snapshot()
    {
        Snapshot.Match(SampleResults.Render(new HtmlReportWriter(), WithLib()));
    }

    [Fact]
    public void Both_spectra_share_one_x_scale_and_reach_the_full_share()
    {
        string html = SampleResults.Render(new HtmlReportWriter(), WithLib());
        string[] curves = Regex.Matches(html, "<polyline points=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal(2, curves.Length); // PCA, then LIB
        string pcaEnd = curves[0].Split(' ')[^1], libEnd = curves[1].Split(' ')[^1];
        Assert.Equal("350,5", pcaEnd);  // 4 of 4 features: x = 30 + 320, share 100% at y = 5
        Assert.Equal("350,5", libEnd);  // LIB's 2 features hold everything; its curve is flat to the same end
        Assert.Contains("190,5", curves[1]); // … and already at 100% after 2 of 4 features (x = 30 + 2·80)
    }

    [Fact]
    public void Figures_and_escaped_names_appear()
    {
        string html = SampleResults.Render(new HtmlReportWriter(), WithLib(layer: "<b>relu</b>"));
        Assert.Contains("<td class=\"num\">3.00</td>", html);
        Assert.Contains("&lt;b&gt;relu&lt;/b&gt; → output", html);
        Assert.DoesNotContain("<b>relu</b>", html);
    }

    [Fact]
    public void Pca_figures_stand_apart_as_measured_not_gated_and_the_gated_ones_before_them()
    {
        string html = SampleResults.Render(new HtmlReportWriter(), WithLib());
        string section = html[html.IndexOf("<section id=\"lib\">", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("</section>", StringComparison.Ordinal)];
        int apart = section.IndexOf("<div class=\"unjudged\" role=\"region\" aria-label=\"Measured, not gated: PCA\">", StringComparison.Ordinal);
        Assert.True(apart > 0);
        string gated = section[..apart], measured = section[apart..];
        // relu1: LIB keeps 2 features (1 for 99%), PCA 4 (3 for 99%); the pair's edges90: LIB 2, PCA 6.
        Assert.Contains("<h3>Gated: LIB features and edges</h3>", gated);
        Assert.Contains("<tr><td>relu1</td><td class=\"num\">4</td><td class=\"num\">2</td><td class=\"num\">1</td>", gated);
        Assert.Contains("<tr><td>relu1 → output</td><td class=\"num\">2</td><td class=\"num\">3.00</td>", gated);
        Assert.DoesNotContain("PCA features", gated);
        Assert.Contains("<tr><td>relu1</td><td class=\"num\">4</td><td class=\"num\">3</td></tr>", measured);
        Assert.Contains("<tr><td>relu1 → output</td><td class=\"num\">6</td></tr>", measured);
        Assert.Contains("<h3>Measured, not gated: PCA for comparison</h3>", measured);
    }
}
