using System.Text.Json;
using System.Text.RegularExpressions;
using Snapshooter.Xunit;

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
        // The identities a reader selects by; the keys below are what MeasurementId.Key makes of them.
        ["measurementIds"] = new object[]
        {
            new { family = "circuit", variant = circuitMode, layers = Array.Empty<string>(), options = new Dictionary<string, string>() },
            new { family = "modularity", variant = (string?)null, layers = new[] { "fc2" }, options = new Dictionary<string, string> { ["k"] = "4" } },
        },
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

    /// <summary>Two audits with every family's comparison and a file the page cannot read: every part of the page.</summary>
    private static string EveryPart()
    {
        string Written(string audit, string className) =>
            SampleResults.Render(new MetricsJsonWriter(), HostileResults.WithEveryFamily(SampleResults.Create(className) with { Audit = audit }, "relu1", "relu2", className));
        return Render(OutputRoot(("mnist-mlp", Written("mnist-mlp", "seven")), ("mnist-mlp-modular", Written("mnist-mlp-modular", "seven")), ("broken", "{ half")));
    }

    /// <summary>Also the page the end-to-end axe-core test opens in Chromium (ReportAccessibilityTests reads the snapshots).</summary>
    [Fact]
    public void Index_html_matches_its_snapshot()
    {
        Snapshot.Match(EveryPart());
    }

    [Fact]
    public void One_main_landmark_holds_every_section_and_every_scroll_box_is_focusable_and_labelled()
    {
        string html = EveryPart();
        Assert.Single(Regex.Matches(html, "<main>"));
        int main = html.IndexOf("<main>", StringComparison.Ordinal), end = html.IndexOf("</main>", StringComparison.Ordinal);
        MatchCollection sections = Regex.Matches(html, "<section id=\"[^\"]+\"");
        Assert.Equal(5, sections.Count); // audits, skipped, and the three comparisons
        Assert.All(sections, s => Assert.InRange(s.Index, main, end));
        Assert.Matches(@"^<body>\s*<header>[\s\S]*</header>\s*$", html[html.IndexOf("<body>", StringComparison.Ordinal)..main]);
        Assert.Matches(@"^</main>\s*<footer>[\s\S]*</footer>\s*</body>\s*</html>\s*$", html[end..]);
        Assert.Contains("<div class=\"wide\" tabindex=\"0\" role=\"region\" aria-label=\"Audits table, scrolls sideways\">", html);
        Assert.Equal(4, Regex.Matches(html, "class=\"wide\" tabindex=\"0\" role=\"region\" aria-label=\"[^\"]+\"").Count);
        Assert.Equal(4, Regex.Matches(html, "class=\"wide\"").Count);
    }

    [Fact]
    public void Every_audit_with_a_metrics_file_is_read_in_name_order_and_others_are_skipped()
    {
        string root = OutputRoot(("zeta", Metrics("pass", "exact", ("a", 0.1))), ("alpha", Metrics("warn", "fast", ("a", 0.2))), ("broken", "{ half"));
        Directory.CreateDirectory(Path.Combine(root, "empty"));

        ComparisonPage.Contents contents = ComparisonPage.Read(root);
        Assert.Equal(["alpha", "zeta"], contents.Audits.Select(a => a.Name));
        Assert.Equal("broken/metrics.json", Assert.Single(contents.Skipped).Path);
        Assert.Empty(ComparisonPage.Read(Path.Combine(root, "missing")).Audits);
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

    /// <summary>
    /// Files in the output root that are not the tool's, or of another version, are skipped and listed
    /// with the reason, escaped, and never make writing the page fail: each of these used to throw.
    /// </summary>
    [Theory]
    [InlineData("""{ "hello": "world" }""", "not an InterpAudit metrics file: expected a string &quot;verdict&quot;")]
    [InlineData("""[1, 2]""", "not an InterpAudit metrics file: expected a string &quot;verdict&quot;")]
    [InlineData("""{ "verdict": "pass", "checks": [ {} ] }""", "expected true or false &quot;failsGate&quot;")]
    [InlineData("""{ "verdict": "pass", "checks": 3 }""", "expected an array &quot;checks&quot;")]
    [InlineData("""{ "verdict": "pass", "measurementIds": [ { "family": "modularity", "variant": null, "layers": ["fc2"], "options": { "k": "4" } } ], "measurements": { "modularity:fc2:k=4": { "layer": "fc2", "clusterability": "high" } } }""", "expected a number &quot;clusterability&quot;")]
    [InlineData("""{ "verdict": "pass", "measurementIds": [ { "family": "ablation", "variant": null, "layers": ["fc2"], "options": { "k": "4" } } ], "measurements": { "ablation:fc2:k=4": { "layer": "fc2" } } }""", "expected an object &quot;mean&quot;")]
    [InlineData("""{ "verdict": "pass", "measurementIds": [ { "family": "circuit", "variant": "exact", "layers": [], "options": {} } ], "measurements": { "circuit:exact": { "mode": "exact", "meanEcs": 0.1, "classes": [ { "className": "a", "ecs": 0.1 }, { "className": "a", "ecs": 0.2 } ] } } }""", "not an InterpAudit metrics file: An item with the same key")]
    [InlineData("""{ half""", "not valid JSON")]
    public void A_metrics_file_the_page_cannot_read_is_skipped_and_listed_with_the_reason(string metrics, string reason)
    {
        string html = Render(OutputRoot(("good", Metrics("pass", "exact", ("a", 0.1))), ("<b>&odd", metrics)));

        Assert.Contains("""<a href="good/report.html">good</a>""", html);
        Assert.Contains("<li><code>&lt;b&gt;&amp;odd/metrics.json</code>: ", html);
        Assert.Contains(reason, html);
        Assert.DoesNotContain("<b>&odd", html);
    }

    /// <summary>metrics.json writes a value that could not be computed as the string "NaN": shown as NaN, not skipped.</summary>
    [Fact]
    public void NaN_written_as_a_string_is_shown_as_NaN()
    {
        string html = Render(OutputRoot(("older", """
            { "verdict": "fail", "checks": [ { "failsGate": true } ],
              "measurementIds": [ { "family": "modularity", "variant": null, "layers": ["fc2"], "options": { "k": "4" } }, { "family": "circuit", "variant": "exact", "layers": [], "options": {} } ],
              "measurements": {
                "modularity:fc2:k=4": { "layer": "fc2", "clusterability": "NaN", "normalizedClusterability": 0.5 },
                "circuit:exact": { "mode": "exact", "meanEcs": "NaN", "classes": [ { "className": "a", "ecs": "NaN" } ] } } }
            """)));

        Assert.DoesNotContain("id=\"skipped\"", html);
        Assert.Contains("""<td class="fail">FAIL</td><td class="num">0 / 1</td>""", html);
        Assert.Contains("""<td class="num">NaN</td><td class="num">0.5000</td>""", html);
        Assert.Contains("older (mean NaN)", html);
    }

    private static void WriteLastRun(string root, string audit, DateTimeOffset at, string verdict, params string[] codes)
    {
        Directory.CreateDirectory(Path.Combine(root, audit));
        using FileStream stream = File.Create(Path.Combine(root, audit, LastRun.FileName));
        new LastRun(audit, at, verdict, codes).Write(stream);
    }

    [Fact]
    public void An_audit_whose_last_run_failed_after_its_outputs_shows_the_failure_and_the_previous_verdict()
    {
        string root = OutputRoot(("stale", Metrics("pass", "exact", ("a", 0.1))), ("fresh", Metrics("pass", "exact", ("a", 0.1))));
        WriteLastRun(root, "stale", DateTimeOffset.Parse("2026-11-23T12:30:05+00:00"), LastRun.Error, "IA3007");
        WriteLastRun(root, "fresh", DateTimeOffset.Parse("2026-11-23T11:59:59+00:00"), "pass");
        WriteLastRun(root, "never-ran", DateTimeOffset.Parse("2026-11-23T13:00:00+00:00"), LastRun.Error, "IA3001");

        string html = Render(root);

        Assert.Contains("""<a href="stale/report.html">stale</a></td><td class="fail">ERROR<br><span class="note">last run failed at 2026-11-23 12:30:05 UTC, IA3007; showing the previous outputs (PASS)</span></td>""", html);
        Assert.Contains("""<a href="fresh/report.html">fresh</a></td><td class="pass">PASS</td>""", html);
        Assert.Contains("""<tr><td>never-ran</td><td class="fail">ERROR<br><span class="note">last run failed at 2026-11-23 13:00:00 UTC, IA3001; no outputs yet</span></td><td class="num">0 / 0</td>""", html);
    }

    /// <summary>A failed record older than the outputs (the outputs' run came after it) does not mark them.</summary>
    [Fact]
    public void A_failure_older_than_the_outputs_does_not_mark_them()
    {
        string root = OutputRoot(("a", Metrics("pass", "exact", ("a", 0.1))));
        WriteLastRun(root, "a", DateTimeOffset.Parse("2026-11-23T11:00:00+00:00"), LastRun.Error, "IA3007");
        Assert.DoesNotContain("last run failed at", Render(root));
    }

    [Fact]
    public void A_last_run_record_that_is_not_one_is_skipped_and_listed()
    {
        string root = OutputRoot(("a", Metrics("pass", "exact", ("a", 0.1))));
        File.WriteAllText(Path.Combine(root, "a", LastRun.FileName), """{ "verdict": "error" }""");
        string html = Render(root);
        Assert.Contains("<li><code>a/last-run.json</code>: not an InterpAudit run record: expected a string &quot;audit&quot;</li>", html);
        Assert.Contains("""<td class="pass">PASS</td>""", html);
    }

    [Fact]
    public void Last_run_json_round_trips()
    {
        string root = Directory.CreateTempSubdirectory("interpaudit-last-run").FullName;
        var run = new LastRun("a", DateTimeOffset.Parse("2026-11-23T12:00:00+01:00"), "warn", ["IA1001", "IA2002"]);
        WriteLastRun(root, "a", run.At, run.Verdict, [.. run.Codes]);
        LastRun read = LastRun.Read(Path.Combine(root, "a", LastRun.FileName));
        Assert.Equal((run.Audit, run.At, run.Verdict), (read.Audit, read.At, read.Verdict));
        Assert.Equal(run.Codes, read.Codes);
        Assert.Contains("\"at\": \"2026-11-23T11:00:00.0000000+00:00\"", File.ReadAllText(Path.Combine(root, "a", LastRun.FileName)));
    }
}
