using InterpAudit.Results;
using Snapshooter.Xunit;

namespace InterpAudit.Reporting.Tests;

public sealed class HtmlReportWriterTests
{
    [Fact]
    public void Report_html_matches_its_snapshot()
    {
        Snapshot.Match(SampleResults.Render(new HtmlReportWriter(), SampleResults.Create()));
    }

    [Fact]
    public void The_verdict_comes_first_and_names_the_outcome()
    {
        string html = SampleResults.Render(new HtmlReportWriter(), SampleResults.Create());
        int verdict = html.IndexOf("id=\"verdict\">FAIL<", StringComparison.Ordinal);
        Assert.True(verdict > 0);
        Assert.True(verdict < html.IndexOf("<h2>Checks</h2>", StringComparison.Ordinal));
    }

    [Fact]
    public void User_strings_are_escaped_so_a_layer_or_class_named_script_cannot_inject_markup()
    {
        string html = SampleResults.Render(new HtmlReportWriter(),
            SampleResults.Create(className: "<script>alert(1)</script>", layerName: "<img src=x onerror=alert(2)>"));
        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("<img", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        // "=" is encoded too (as &#x3D;), which keeps a value inert even in an unquoted attribute.
        Assert.Contains("&lt;img src&#x3D;x onerror&#x3D;alert(2)&gt;", html);
    }

    /// <summary>The provenance table names what a reviewer needs to rerun the audit as it ran.</summary>
    [Fact]
    public void The_provenance_table_has_the_baseline_data_runtime_working_tree_and_configuration()
    {
        Dictionary<string, string> facts = HtmlReportWriter.BuildModel(SampleResults.Create()).Provenance.ToDictionary(f => f.Key, f => f.Value);
        Assert.Equal("samples/MnistAudit/mnist-mlp.audit-baseline.json", facts["Baseline file"]);
        Assert.Equal(new string('d', 64), facts["Baseline SHA-256"]);
        Assert.Equal("MNIST (split test)", facts["Evaluation data"]);
        Assert.Equal("0.107.0", facts["TorchSharp"]);
        Assert.Equal("libtorch-cpu-linux-x64 2.10.0", facts["libtorch"]);
        Assert.Equal(".NET 10.0.0", facts[".NET"]);
        Assert.Equal("Linux 6.1.0 (linux-x64)", facts["Operating system"]);
        Assert.Equal("clean", facts["Working tree"]);
        Assert.Equal(new string('e', 64), facts["Configuration SHA-256"]);
        Assert.Equal("the git working tree's root", facts["Paths relative to"]);

        AuditResult dirty = SampleResults.Create() with { SourceDirty = true, BaselineFile = null };
        facts = HtmlReportWriter.BuildModel(dirty).Provenance.ToDictionary(f => f.Key, f => f.Value);
        Assert.StartsWith("dirty", facts["Working tree"]);
        Assert.StartsWith("(none compared", facts["Baseline file"]);
    }

    [Fact]
    public void The_report_is_self_contained_with_no_script_and_no_network()
    {
        string html = SampleResults.Render(new HtmlReportWriter(), SampleResults.Create());
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("http://", html);
        Assert.DoesNotContain("https://", html);
        Assert.Contains("<style>", html);
        Assert.Contains("<svg", html);
    }

    [Fact]
    public void A_user_template_replaces_the_built_in_one()
    {
        string template = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".scriban-html");
        File.WriteAllText(template, "<p>{{ audit }}: {{ verdict_text }}</p>");
        Assert.Equal("<p>mnist-mlp: FAIL</p>", SampleResults.Render(new HtmlReportWriter(template), SampleResults.Create()));
    }
}

public sealed class HtmlReportBaselineTests
{
    [Fact]
    public void Accepted_regressions_are_listed_with_their_escaped_reasons_and_baseline_columns()
    {
        string html = SampleResults.Render(new HtmlReportWriter(), SampleResults.Create());
        Assert.Contains("<h2>Accepted regressions</h2>", html);
        Assert.Contains("relabelled zeros &lt;on purpose&gt;", html);
        Assert.Contains("<td class=\"pass\">accepted regression</td>", html);
        Assert.Contains("<td class=\"num\">0.9900</td><td class=\"num\">-0.0400</td>", html);
    }
}
