using System.Text.Json;
using System.Text.RegularExpressions;

namespace InterpAudit.Reporting.Tests;

/// <summary>index.html: every audit's latest metrics.json in the output root, side by side.</summary>
public sealed class ComparisonPageTests
{
    private static string Metrics(string verdict, string circuitMode, params (string Class, double Ecs)[] classes) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["verdict"] = verdict,
        ["startedAt"] = "2026-11-23T12:00:00+00:00",
        ["model"] = new { weightsSha256 = "0123456789abcdef0123" },
        ["checks"] = new[] { new { failsGate = false }, new { failsGate = verdict != "pass" } },
        ["measurements"] = new Dictionary<string, object>
        {
            [$"circuit:{circuitMode}"] = new { mode = circuitMode, meanEcs = classes.Average(c => c.Ecs), classes = classes.Select(c => new { className = c.Class, ecs = c.Ecs }) },
            ["modularity:fc2:k=4"] = new { layer = "fc2", clusterability = 0.995, normalizedClusterability = 0.989 },
        },
    });

    private static string OutputRoot(params (string Audit, string Metrics)[] audits)
    {
        string root = Directory.CreateTempSubdirectory("interpaudit-index").FullName;
        foreach ((string audit, string metrics) in audits)
        {
            Directory.CreateDirectory(Path.Combine(root, audit));
            File.WriteAllText(Path.Combine(root, audit, "metrics.json"), metrics);
        }
        return root;
    }

    private static string Render(string root)
    {
        using var stream = new MemoryStream();
        new ComparisonPage().Write(ComparisonPage.Read(root), stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public void Every_audit_with_a_metrics_file_is_read_in_name_order_and_others_are_skipped()
    {
        string root = OutputRoot(("zeta", Metrics("pass", "exact", ("a", 0.1))), ("alpha", Metrics("warn", "fast", ("a", 0.2))), ("broken", "{ half"));
        Directory.CreateDirectory(Path.Combine(root, "empty"));

        Assert.Equal(["alpha", "zeta"], ComparisonPage.Read(root).Select(a => a.Name));
        Assert.Empty(ComparisonPage.Read(Path.Combine(root, "missing")));
    }

    [Fact]
    public void Audits_link_to_their_reports_with_verdicts_and_counts()
    {
        string html = Render(OutputRoot(("plain", Metrics("warn", "exact", ("0", 0.04))), ("modular", Metrics("pass", "exact", ("0", 0.03)))));

        Assert.Contains("""<a href="modular/report.html">modular</a>""", html);
        Assert.Contains("""<a href="plain/report.html">plain</a>""", html);
        Assert.Contains("""<td class="warn">WARN</td><td class="num">1 / 2</td>""", html);
        Assert.Contains("""<td class="pass">PASS</td><td class="num">2 / 2</td>""", html);
        Assert.Contains("<code>0123456789ab</code></td><td>2026-11-23 12:00 UTC</td>", html);
        Assert.DoesNotContain("<script", html);
    }

    /// <summary>
    /// One row of bars per class, one bar per audit; widths share one scale (the largest ECS spans 360 px),
    /// so equal values get equal bars across audits; a class one audit lacks gets no bar for it.
    /// </summary>
    [Fact]
    public void Circuit_sizes_are_grouped_bars_on_one_scale_with_one_colour_per_audit()
    {
        string html = Render(OutputRoot(
            ("a-plain", Metrics("pass", "exact", ("0", 0.4), ("1", 0.1))),
            ("b-modular", Metrics("pass", "fast", ("0", 0.2), ("1", 0.1), ("2", 0.3)))));

        string[] widths = Regex.Matches(html, """<rect x="120" y="\d+" width="([\d.]+)" height="10" fill="(#[0-9a-f]{6})">""")
            .Select(m => $"{m.Groups[1].Value} {m.Groups[2].Value}").ToArray();
        // Classes 0, 1, 2 in order of first appearance; a-plain blue, b-modular orange; class 2 has no a-plain value.
        Assert.Equal(["360 #4c72b0", "180 #dd8452", "90 #4c72b0", "90 #dd8452", "0 #4c72b0", "270 #dd8452"], widths);
        Assert.Contains("exact, fast mode", html);
        Assert.Contains("a-plain (mean 0.2500)", html);
        Assert.Contains("b-modular (mean 0.2000)", html);
    }

    [Fact]
    public void Names_from_the_user_are_escaped()
    {
        string html = Render(OutputRoot(("a", Metrics("pass", "exact", ("<script>alert(1)</script>", 0.1)))));
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
    }

    [Fact]
    public void Without_circuit_measurements_there_is_no_circuit_section()
    {
        string root = OutputRoot(("a", """{"verdict":"pass","model":{},"checks":[],"measurements":{}}"""));
        string html = Render(root);
        Assert.DoesNotContain("id=\"circuits\"", html);
        Assert.DoesNotContain("id=\"modularity\"", html);
        Assert.Contains("""<a href="a/report.html">a</a>""", html);
    }
}
