using System.Text.RegularExpressions;
using InterpAudit.Reporting.Sections;
using InterpAudit.Results;

namespace InterpAudit.Reporting.Tests;

/// <summary>
/// Strings the user chooses (names, paths, reasons) reach both pages through every partial; none may
/// become markup or template code. The pages are parsed for the tags and attributes they contain, so
/// an injected element or attribute fails the test whatever it is.
/// </summary>
public sealed class HostileStringTests
{
    /// <summary><see cref="HostileResults.Payload"/> as it must appear, spelt out here rather than computed by the escaper under test.</summary>
    private const string EscapedPayload =
        "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;{{ 1 + 1 }}{{ include &#39;x&#39; }}&amp;&#39;&quot; ";

    /// <summary>Every element and attribute the built-in templates write: anything else was injected.</summary>
    private static readonly HashSet<string> Tags =
    [
        "!doctype", "html", "head", "meta", "title", "style", "body", "header", "main", "footer", "h1", "h2", "h3", "p", "div", "span", "section", "table", "thead",
        "tbody", "tr", "th", "td", "code", "sub", "ul", "li", "a", "br", "svg", "text", "rect", "line", "polyline", "image", "details", "summary",
    ];

    private static readonly HashSet<string> Attributes =
    [
        "lang", "charset", "name", "content", "class", "id", "role", "aria-label", "tabindex", "width", "height", "viewbox", "x", "y", "x1", "x2", "y1", "y2",
        "fill", "fill-opacity", "stroke", "stroke-width", "stroke-dasharray", "points", "text-anchor", "font-size", "style", "href", "preserveaspectratio", "download",
    ];

    [Fact]
    public void No_user_string_becomes_markup_or_template_code_in_report_html()
    {
        AuditResult result = HostileResults.Create();
        string html = SampleResults.Render(new HtmlReportWriter(), result);

        // Every section is populated, so every partial rendered hostile strings; a new section must be added to HostileResults.
        Assert.Equal(ReportSections.All.Select(s => s.Name), HtmlReportWriter.BuildModel(result).Sections.Select(s => s.Name));
        foreach (string section in (string[])["id=\"conditions\"", "<h2>Accepted regressions</h2>", "id=\"baseline\"", "id=\"accuracy\"", "id=\"lib\"", "id=\"modularity\"",
                     "id=\"ablation\"", "id=\"circuits\"", "id=\"information\"", "id=\"provenance\""])
            Assert.Contains(section, html);

        AssertInert(html);
        foreach (string field in (string[])["audit", "target", "model", "weights", "device", "class", "scope", "reason", "noise", "layer", "layer2",
                     "dataset", "split", "baseline", "torchsharp", "libtorch", "dotnet", "os", "wide", "wideclass"])
            Assert.Contains(field + ":" + EscapedPayload, html);
        // A raster heat map's text: its label names the layer; its CSV's file name keeps only safe characters of it.
        Assert.Contains("ablation of wide:" + EscapedPayload + ": a row per cluster", html);
        Assert.Matches("<a download=\"ablation-wide_[A-Za-z0-9._-]+-zero\\.csv\" href=\"data:text/csv;", html);
        Assert.Contains("class:" + EscapedPayload, html[html.IndexOf("Measured, not gated", StringComparison.Ordinal)..]);
        // The location column shows the file name only: the payload after its last '/'.
        Assert.Contains(EscapedPayload[EscapedPayload.IndexOf("script&gt;&quot;", StringComparison.Ordinal)..] + "(14,6)", html);
    }

    [Fact]
    public void No_user_string_becomes_markup_or_template_code_in_index_html()
    {
        string root = Directory.CreateTempSubdirectory("interpaudit-hostile").FullName;
        // A folder name cannot hold '/'; it is the audit's name on the page.
        string audit = HostileResults.Field("folder").Replace("/", ""), broken = HostileResults.Field("broken").Replace("/", "");
        Directory.CreateDirectory(Path.Combine(root, audit));
        File.WriteAllText(Path.Combine(root, audit, "metrics.json"), SampleResults.Render(new MetricsJsonWriter(), HostileResults.Create()));
        Directory.CreateDirectory(Path.Combine(root, broken));
        File.WriteAllText(Path.Combine(root, broken, "metrics.json"), "{ half");

        ComparisonPage.Contents contents = ComparisonPage.Read(root);
        using var stream = new MemoryStream();
        new ComparisonPage().Write(contents, stream);
        string html = System.Text.Encoding.UTF8.GetString(stream.ToArray());

        Assert.Equal(ComparisonSections.All.Select(s => s.Name), ComparisonPage.BuildModel(contents).Sections.Select(s => s.Name));
        foreach (string section in (string[])["id=\"audits\"", "id=\"skipped\"", "id=\"circuits\"", "id=\"ablation\"", "id=\"modularity\""])
            Assert.Contains(section, html);

        AssertInert(html);
        string escapedFolder = EscapedPayload.Replace("&lt;/script", "&lt;script");
        Assert.Contains(">folder:" + escapedFolder + "</a>", html);
        Assert.Contains("<code>broken:" + escapedFolder + "/metrics.json</code>", html);
        foreach (string field in (string[])["class", "layer"])
            Assert.Contains(field + ":" + EscapedPayload, html);
    }

    private static void AssertInert(string html)
    {
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror=", html, StringComparison.OrdinalIgnoreCase);
        // Rendered as text, never evaluated: 1 + 1 stays, and no include ran.
        Assert.Contains("{{ 1 + 1 }}{{ include &#39;x&#39; }}", html);
        Assert.DoesNotContain("alert(1)&gt;2", html);

        MatchCollection tags = Regex.Matches(html, """<(/?)([!a-zA-Z][a-zA-Z0-9-]*)([^>]*)>""");
        Assert.NotEmpty(tags);
        foreach (Match tag in tags)
        {
            Assert.Contains(tag.Groups[2].Value.ToLowerInvariant(), Tags);
            // Outside quoted values: escaped values hold no quote, so a quote in a tag is always a delimiter.
            string outsideValues = Regex.Replace(tag.Groups[3].Value, "\"[^\"]*\"", "\"\"");
            foreach (Match attribute in Regex.Matches(outsideValues, """([^\s="'/]+)\s*="""))
                Assert.Contains(attribute.Groups[1].Value.ToLowerInvariant(), Attributes);
            Assert.DoesNotContain("'", outsideValues);
        }
    }
}
