using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace InterpAudit.Reporting.Tests;

/// <summary>
/// report.html at the scale of <see cref="LargeResults"/> (100 classes, 20 layers, every family on
/// every layer): small enough to open and print (issue #20: at most 1.5 MB; bench/README.md has its
/// load time in Chromium), and no chart wider than the page.
/// </summary>
public sealed class LargeReportTests
{
    private static readonly string Html = SampleResults.Render(new HtmlReportWriter(), LargeResults.Create());

    [Fact]
    public void A_100_class_20_layer_report_is_at_most_1_5_MB()
    {
        int bytes = Encoding.UTF8.GetByteCount(Html);
        Assert.True(bytes <= 1_500_000, $"report.html is {bytes:N0} bytes");
        // Every layer's heat maps are there, as images: a modularity map per layer and an ablation map per layer and kind.
        Assert.Equal(LargeResults.Layers * 3, Regex.Matches(Html, "<image href=\"data:image/png;base64,").Count);
    }

    [Fact]
    public void No_chart_is_wider_than_the_page()
    {
        // report.css: body at most 1320 px less 24 px padding each side.
        const double page = 1320 - 2 * 24;
        MatchCollection widths = Regex.Matches(Html, "<svg [^>]*width=\"([0-9.]+)\"");
        Assert.NotEmpty(widths);
        Assert.All(widths, w => Assert.InRange(double.Parse(w.Groups[1].Value, CultureInfo.InvariantCulture), 0, page));
    }
}
