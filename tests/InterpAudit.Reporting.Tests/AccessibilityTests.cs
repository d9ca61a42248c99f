using System.Globalization;
using System.Text.RegularExpressions;
using InterpAudit.Reporting.Sections;

namespace InterpAudit.Reporting.Tests;

/// <summary>The report's structure for keyboard and screen-reader users, and its heat-map labels' contrast.</summary>
public sealed class AccessibilityTests
{
    private static readonly string Html = SampleResults.Render(new HtmlReportWriter(), HostileResults.Create());

    [Fact]
    public void There_is_one_main_landmark_holding_every_section()
    {
        Assert.Single(Regex.Matches(Html, "<main>"));
        int main = Html.IndexOf("<main>", StringComparison.Ordinal), end = Html.IndexOf("</main>", StringComparison.Ordinal);
        MatchCollection sections = Regex.Matches(Html, "<section id=\"[^\"]+\"");
        Assert.True(sections.Count >= 10); // conditions, checks, every family's section, glossary, provenance
        Assert.All(sections, s => Assert.InRange(s.Index, main, end));
        // Outside main only the banner (header) and the footer.
        Assert.Matches(@"^<body>\s*<header>[\s\S]*</header>\s*$", Html[Html.IndexOf("<body>", StringComparison.Ordinal)..main]);
        Assert.Matches(@"^</main>\s*<footer>[\s\S]*</footer>\s*</body>\s*</html>\s*$", Html[end..]);
    }

    [Fact]
    public void Every_scroll_box_is_keyboard_focusable_and_labelled()
    {
        Assert.Contains("<div class=\"wide\" tabindex=\"0\" role=\"region\" aria-label=\"Checks table, scrolls sideways\">", Html);
        Assert.Contains("<div class=\"wide\" tabindex=\"0\" role=\"region\" aria-label=\"Baseline table, scrolls sideways\">", Html);
        // No other scroll box without them: a keyboard user could not scroll it.
        Assert.Equal(Regex.Matches(Html, "class=\"wide\"").Count, Regex.Matches(Html, "class=\"wide\" tabindex=\"0\" role=\"region\" aria-label=\"[^\"]+\"").Count);
    }

    [Fact]
    public void Heat_map_labels_keep_a_contrast_of_at_least_4_5_to_1_over_their_cells()
    {
        AblationView view = Assert.IsType<AblationView>(HtmlReportWriter.BuildModel(HostileResults.Create()).Sections.Single(s => s.Name == "ablation").View);
        var cells = view.Layers.SelectMany(l => l.Kinds).SelectMany(k => k.Cells).ToArray();
        Assert.Contains(cells, c => c.Opacity == "0.8"); // the strongest cell is in the sample
        const string ink = "#1f2328"; // svg text's fill in report.css
        Assert.All(cells, c => Assert.True(Contrast(ink, Blend(c.Fill, double.Parse(c.Opacity, CultureInfo.InvariantCulture))) >= 4.5,
            $"{c.Fill} at {c.Opacity}: {Contrast(ink, Blend(c.Fill, double.Parse(c.Opacity, CultureInfo.InvariantCulture))):F2}:1"));
    }

    [Fact]
    public void Printing_lets_the_checks_table_wrap_so_every_column_fits_the_page()
    {
        string print = Html[Html.IndexOf("@media print", StringComparison.Ordinal)..];
        Assert.Contains(".wide { overflow: visible; }", print);
        Assert.Contains("td.where, td code, th.num, td.num { white-space: normal; overflow-wrap: anywhere; }", print);
    }

    /// <summary>The colour <paramref name="hex"/> at <paramref name="opacity"/> over the white page.</summary>
    private static (double R, double G, double B) Blend(string hex, double opacity)
    {
        (double r, double g, double b) = Rgb(hex);
        return (opacity * r + (1 - opacity) * 255, opacity * g + (1 - opacity) * 255, opacity * b + (1 - opacity) * 255);
    }

    private static (double R, double G, double B) Rgb(string hex) =>
        (Convert.ToInt32(hex[1..3], 16), Convert.ToInt32(hex[3..5], 16), Convert.ToInt32(hex[5..7], 16));

    /// <summary>WCAG 2.x contrast ratio from relative luminances.</summary>
    private static double Contrast(string foreground, (double R, double G, double B) background)
    {
        double a = Luminance(Rgb(foreground)), b = Luminance(background);
        return (Math.Max(a, b) + 0.05) / (Math.Min(a, b) + 0.05);
    }

    private static double Luminance((double R, double G, double B) c)
    {
        static double Linear(double v) => (v /= 255) <= 0.04045 ? v / 12.92 : Math.Pow((v + 0.055) / 1.055, 2.4);
        return 0.2126 * Linear(c.R) + 0.7152 * Linear(c.G) + 0.0722 * Linear(c.B);
    }
}
