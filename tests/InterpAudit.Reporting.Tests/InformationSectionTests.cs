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
        Assert.DoesNotContain("Some estimates exceed H(Y)", below);

        string above = SampleResults.Render(new HtmlReportWriter(), WithInformation(bits: 4.1)); // H(Y) = 1 bit
        Assert.Contains("Some estimates exceed H(Y) = 1.000 bits by more than rounding", above);
        Assert.Contains("+0.400 (redundancy)", above);
    }

    [Fact]
    public void Every_layer_shows_its_bits_and_its_share_of_the_label_entropy_beside_the_unbounded_diagnostic()
    {
        // Two classes of 100: H(Y) = 1 bit, so 0.9 bits is 90.0 % and the interval [0.7, 1.1] bits is [70.0 %, 110.0 %].
        var info = (LayerInformationResult)WithInformation(bits: 0.9).Measurements["information(relu2)"];
        AuditResult result = SampleResults.Create();
        string html = SampleResults.Render(new HtmlReportWriter(), result with
        {
            Measurements = new Dictionary<string, object>(result.Measurements) { ["information(relu2)"] = info with { ModelComparisonBits = 7.25 } },
        });
        Assert.Contains("H(Y) = 1.000 bits", html);
        Assert.Contains("""<td>relu2</td><td class="num">0.900</td><td class="num">[0.7000, 1.1000]</td><td class="num">90.0 %</td><td class="num">[70.0 %, 110.0 %]</td><td class="num">7.250</td>""", html);
    }

    [Fact]
    public void Layer_names_are_escaped()
    {
        string html = SampleResults.Render(new HtmlReportWriter(), WithInformation(layer: "<script>x</script>"));
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;x&lt;/script&gt;", html);
    }
}
