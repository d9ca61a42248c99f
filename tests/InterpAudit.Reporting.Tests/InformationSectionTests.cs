using InterpAudit.Information;
using InterpAudit.Results;
using Snapshooter.Xunit;

namespace InterpAudit.Reporting.Tests;

public sealed class InformationSectionTests
{
    private static AuditResult WithInformation(string layer = "relu2", double bits = 4.1)
    {
        var info = new LayerInformationResult(layer, 200, [100, 100], 100, 8, 1, 16, 4, true, bits, bits + 0.1,
            new Interval(bits - 0.2, bits + 0.2, "bootstrap-recentred-95"), 200, 1000, 0.05, 6, 0.75,
            [new UnitInformation(3, 0.61, 0.001, true, 0.4)], [], [], [], 0.4, 0, true);
        var pair = new LayerRedundancyResult("relu1", layer, 200, [100, 100], 100, 16, 4, 4, true, 0, 1, 0.1, 0.4,
            new InformationDecomposition(0.8, bits, 4.5, 0.4, "redundancy", 0.8, 0, bits - 0.8, 0.4),
            new Interval(0.3, 0.5, "bootstrap-recentred-95"), 200, 0, true);
        AuditResult result = SampleResults.Create();
        return result with { Measurements = new Dictionary<string, object>(result.Measurements) { ["information(relu2)"] = info, ["redundancy"] = pair } };
    }

    [Fact]
    public void The_information_section_matches_its_snapshot()
    {
        Snapshot.Match(SampleResults.Render(new HtmlReportWriter(), WithInformation()));
    }

    [Fact]
    public void It_shows_the_caution_and_flags_estimates_above_the_label_entropy()
    {
        string below = SampleResults.Render(new HtmlReportWriter(), WithInformation(bits: 0.9));
        Assert.Contains("I(T;Y), can only fall or stay level from one layer to the next", below);
        Assert.StartsWith("These are estimates", InformationCaution.Text);
        Assert.DoesNotContain("exceed the label entropy", below);

        string above = SampleResults.Render(new HtmlReportWriter(), WithInformation(bits: 4.1)); // H(Y) = 1 bit
        Assert.Contains("exceed the label entropy H(Y) = 1.000 bits", above);
        Assert.Contains("+0.400 (redundancy)", above);
    }

    [Fact]
    public void Layer_names_are_escaped()
    {
        string html = SampleResults.Render(new HtmlReportWriter(), WithInformation(layer: "<script>x</script>"));
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;x&lt;/script&gt;", html);
    }
}
