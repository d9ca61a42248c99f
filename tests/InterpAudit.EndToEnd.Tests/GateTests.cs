using System.Text.Json;

namespace InterpAudit.EndToEnd.Tests;

/// <summary>The build gate as a user meets it: diagnostics at the attribute, severities, report-only mode.</summary>
[Collection("fixture")]
public sealed class GateTests(FixtureProject fixture)
{
    [Fact]
    public void A_failed_check_fails_the_build_with_a_canonical_error_at_its_attribute()
    {
        DotnetBuild.Outcome build = fixture.Audit("failing");
        Assert.False(build.Succeeded, build.ToString());
        int line = fixture.LineOf("[AccuracyCheck(MinOverall = 0.95)]");
        Assert.Matches($@"{Regex(fixture.AuditsFile)}\({line},2\): error IA1001: \[failing\] accuracy\(overall\) = 0\.\d+ is below its minimum 0\.95\.", build.Output);
        // The passing check of the same audit is not reported as a problem.
        Assert.DoesNotMatch(@"error IA1001: \[failing\] accuracy\(overall\) = 0\.\d+ meets", build.Output);
    }

    [Fact]
    public void The_failed_value_in_the_log_is_the_value_in_metrics_json()
    {
        DotnetBuild.Outcome build = fixture.Audit("failing");
        using JsonDocument metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(fixture.OutputOf("failing"), "metrics.json")));
        JsonElement failed = metrics.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("verdict").GetString() == "fail");
        double value = failed.GetProperty("value").GetDouble();
        Assert.Contains($"accuracy(overall) = {value:F2} is below its minimum 0.95.", build.Output);
        Assert.Equal(fixture.LineOf("[AccuracyCheck(MinOverall = 0.95)]"), failed.GetProperty("location").GetProperty("line").GetInt32());

        // The same build's outputs record their provenance and hold no path of this machine (docs/provenance.md).
        JsonElement root = metrics.RootElement;
        Assert.Equal(4, root.GetProperty("schema").GetInt32());
        Assert.Equal("repository", root.GetProperty("pathsRelativeTo").GetString());
        Assert.Equal("tests/fixtures/AuditFixture/Audits.cs", root.GetProperty("checks")[0].GetProperty("location").GetProperty("file").GetString());
        Assert.StartsWith("tests/fixtures/AuditFixture/", root.GetProperty("model").GetProperty("weightsPath").GetString());
        Assert.Equal("AuditFixture.FailingAudit.EvaluationBatches", root.GetProperty("dataset").GetProperty("name").GetString());
        Assert.Equal("evaluation", root.GetProperty("dataset").GetProperty("split").GetString());
        Assert.StartsWith("libtorch-cpu-linux-x64 ", root.GetProperty("runtime").GetProperty("libtorch").GetString());
        Assert.Matches("^[0-9a-f]{64}$", root.GetProperty("configurationSha256").GetString());
        foreach (string file in Directory.GetFiles(fixture.OutputOf("failing")))
            Assert.DoesNotContain(DotnetBuild.RepoRoot, File.ReadAllText(file));
    }

    [Fact]
    public void Report_only_mode_turns_failures_into_warnings_and_passes()
    {
        DotnetBuild.Outcome build = fixture.Audit("failing", "-p:InterpAuditFailBuild=false");
        Assert.True(build.Succeeded, build.ToString());
        Assert.Matches(@"warning IA1001: \[failing\] accuracy\(overall\) = 0\.\d+ is below its minimum 0\.95\. \(report-only", build.Output);
    }

    [Fact]
    public void A_warning_severity_check_warns_and_the_build_passes()
    {
        DotnetBuild.Outcome build = fixture.Audit("warning");
        Assert.True(build.Succeeded, build.ToString());
        Assert.Contains("warning IA1001: [warning]", build.Output);
    }

    [Fact]
    public void Warnaserror_promotes_a_check_warning_to_an_error()
    {
        DotnetBuild.Outcome build = fixture.Audit("warning", "-warnaserror");
        Assert.False(build.Succeeded, build.ToString());
        Assert.Contains("error IA1001: [warning]", build.Output);
    }

    [Fact]
    public void NoWarn_in_the_project_silences_a_check_warning()
    {
        DotnetBuild.Outcome build = fixture.Audit("warning", "-p:FixtureNoWarn=IA1001");
        Assert.True(build.Succeeded, build.ToString());
        Assert.DoesNotContain("IA1001", build.Output);
        Assert.Contains("WARN: 0/1 checks passed", build.Output);
    }

    private static string Regex(string path) => System.Text.RegularExpressions.Regex.Escape(path);
}
