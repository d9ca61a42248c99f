using System.Text.Json;
using InterpAudit.Results;
using Snapshooter.Xunit;

namespace InterpAudit.Reporting.Tests;

public sealed class SarifWriterTests
{
    private static JsonElement Sarif(AuditResult result) =>
        JsonDocument.Parse(SampleResults.Render(new SarifWriter(new HelpLinks(null, null)), result)).RootElement;

    [Fact]
    public void Results_sarif_matches_its_snapshot()
    {
        Snapshot.Match(SampleResults.Render(new SarifWriter(new HelpLinks(null, null)), SampleResults.Create()));
    }

    [Fact]
    public void Only_failed_checks_are_results_located_at_their_attribute()
    {
        JsonElement run = Sarif(SampleResults.Create()).GetProperty("runs")[0];
        Assert.Equal("2.1.0", Sarif(SampleResults.Create()).GetProperty("version").GetString());
        JsonElement[] results = run.GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal(2, results.Length); // class=seven (error) and layer=fc2 (warning); class=zero passed
        Assert.Equal(["error", "warning"], results.Select(r => r.GetProperty("level").GetString()));
        JsonElement region = results[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        Assert.Equal((14, 6), (region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32()));
        Assert.Equal("samples/MnistAudit/MnistAudit.cs", results[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
        // The message is the condition sentence the report, summary.md and the build log use.
        Assert.Equal("[mnist-mlp] accuracy(class=seven) = 0.83 is below its minimum 0.90.", results[0].GetProperty("message").GetProperty("text").GetString());
        Assert.Equal("AccuracyBelowMinimum", run.GetProperty("tool").GetProperty("driver").GetProperty("rules")[0].GetProperty("name").GetString());
    }

    /// <summary>
    /// Files are relative to SRCROOT (what GitHub code scanning resolves against its checkout), escaped
    /// per segment, a file outside the tree by its ../ steps; SRCROOT itself names no machine path.
    /// </summary>
    [Fact]
    public void Files_are_relative_to_srcroot_and_srcroot_carries_no_machine_path()
    {
        AuditResult original = SampleResults.Create();
        AuditResult result = OutputPaths.Relative(original with
        {
            SourceRoot = "/work/repo",
            PathsRelativeTo = PathBase.Repository,
            Checks =
            [
                original.Checks.First(c => c.FailsGate) with { Location = new SourceLocation("/work/repo/samples/My Audit#1.cs", 14, 6) },
                original.Checks.Last(c => c.FailsGate) with { Location = new SourceLocation("/work/elsewhere/Audit.cs", 3, 2) },
            ],
        });

        string text = SampleResults.Render(new SarifWriter(), result);
        JsonElement run = JsonDocument.Parse(text).RootElement.GetProperty("runs")[0];

        JsonElement srcroot = run.GetProperty("originalUriBaseIds").GetProperty("SRCROOT");
        Assert.False(srcroot.TryGetProperty("uri", out _));
        Assert.Contains("git working tree", srcroot.GetProperty("description").GetProperty("text").GetString());
        JsonElement[] locations = run.GetProperty("results").EnumerateArray()
            .Select(r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation")).ToArray();
        Assert.Equal("samples/My%20Audit%231.cs", locations[0].GetProperty("uri").GetString());
        Assert.Equal("../elsewhere/Audit.cs", locations[1].GetProperty("uri").GetString());
        Assert.All(locations, l => Assert.Equal("SRCROOT", l.GetProperty("uriBaseId").GetString()));
        Assert.DoesNotContain("/work/", text);
    }

    [Fact]
    public void Fingerprints_survive_new_values_and_moved_lines_but_tell_scopes_apart()
    {
        AuditResult result = SampleResults.Create();
        CheckResult check = result.Checks[1];
        string fingerprint = CheckFingerprint.Of(result.Audit, check);
        Assert.Equal(fingerprint, CheckFingerprint.Of(result.Audit, check with { Value = 0.5, Location = new SourceLocation("/src/Other.cs", 40, 6) }));
        Assert.NotEqual(fingerprint, CheckFingerprint.Of(result.Audit, check with { Scope = "class=zero" }));
        Assert.NotEqual(fingerprint, CheckFingerprint.Of("other-audit", check));
    }

    [Theory]
    [InlineData("https://github.com/interpaudit/interpaudit.git", "abc123", "https://github.com/interpaudit/interpaudit/blob/abc123/docs/diagnostics.md#ia1001")]
    [InlineData("https://github.com/interpaudit/interpaudit/", null, "https://github.com/interpaudit/interpaudit/blob/main/docs/diagnostics.md#ia1001")]
    public void A_rule_links_absolutely_to_its_docs_at_the_commit_that_built_the_tool(string repository, string? revision, string expected)
    {
        JsonElement rule = Root(new SarifWriter(new HelpLinks(repository, revision)))
            .GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules")[0];
        Assert.Equal(expected, rule.GetProperty("helpUri").GetString());
        Assert.True(Uri.IsWellFormedUriString(rule.GetProperty("helpUri").GetString(), UriKind.Absolute));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("/work/main")]
    [InlineData("git@github.com:interpaudit/interpaudit.git")]
    [InlineData("http://example.com/repo")]
    public void Without_an_https_repository_a_rule_carries_help_text_and_no_relative_link(string? repository)
    {
        // SARIF 2.1.0 §3.49.12: helpUri is an absolute URI; a relative one would resolve against the
        // code-scanning service, not the docs.
        JsonElement rule = Root(new SarifWriter(new HelpLinks(repository, "abc")))
            .GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules")[0];
        Assert.False(rule.TryGetProperty("helpUri", out _));
        Assert.Contains("docs/diagnostics.md, section IA1001", rule.GetProperty("help").GetProperty("text").GetString());
    }

    private static JsonElement Root(SarifWriter writer) =>
        JsonDocument.Parse(SampleResults.Render(writer, SampleResults.Create())).RootElement;
}
