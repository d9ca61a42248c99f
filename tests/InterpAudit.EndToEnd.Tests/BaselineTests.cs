using System.Text.Json;

namespace InterpAudit.EndToEnd.Tests;

/// <summary>
/// The regression gate through real builds of the fixture's "drift" audit: FIXTURE_DRIFT=1 relabels
/// every other sample, which drops accuracy from 0.58 far beyond its noise band (~0.08).
/// </summary>
[Collection("fixture")]
public sealed class BaselineTests(FixtureProject fixture)
{
    private static readonly Dictionary<string, string> Drift = new() { ["FIXTURE_DRIFT"] = "1" };

    private string BaselineFile => Path.Combine(fixture.Directory, "obj", "baselines", "drift.audit-baseline.json");

    private string SuppressionFile => Path.Combine(fixture.Directory, "obj", "baselines", "drift.audit-suppressions.json");

    private double BaselineValue() =>
        JsonDocument.Parse(File.ReadAllText(BaselineFile)).RootElement.GetProperty("metrics")[0].GetProperty("mean").GetDouble();

    private void FreshBaseline()
    {
        File.Delete(SuppressionFile);
        File.Delete(BaselineFile);
        DotnetBuild.Outcome first = fixture.Audit("drift");
        Assert.True(first.Succeeded, first.ToString());
        Assert.Contains("warning IA2002: [drift] No baseline for this audit: created", first.Output);
        Assert.True(File.Exists(BaselineFile));
    }

    [Fact]
    public void A_regression_fails_the_build_at_the_check_with_the_accept_command_and_accepting_passes()
    {
        FreshBaseline();
        double before = BaselineValue();

        DotnetBuild.Outcome regressed = fixture.Audit("drift", Drift);
        Assert.False(regressed.Succeeded, regressed.ToString());
        int line = fixture.LineOf("public sealed class DriftAudit") - 1;
        Assert.Matches($@"Audits\.cs\({line},2\): error IA2001: \[drift\] accuracy\(overall\) fell from {before:0.0000} \(.*?\) to 0\.\d+, beyond the allowed", regressed.Output);
        Assert.Contains("accept it: dotnet build -p:InterpAuditAcceptBaseline=true", regressed.Output);
        Assert.Contains("warning IA2005", regressed.Output); // the data changed too

        DotnetBuild.Outcome accepted = fixture.Audit("drift", Drift, "-p:InterpAuditAcceptBaseline=true");
        Assert.True(accepted.Succeeded, accepted.ToString());
        Assert.True(BaselineValue() < before - 0.1);

        DotnetBuild.Outcome again = fixture.Audit("drift", Drift);
        Assert.True(again.Succeeded, again.ToString());
        Assert.DoesNotContain("IA2001", again.Output);
    }

    [Fact]
    public void A_suppressed_regression_passes_and_the_report_shows_the_reason()
    {
        FreshBaseline();
        File.WriteAllText(SuppressionFile, """[{ "metric": "accuracy", "scope": "overall", "reason": "labels were re-audited <ticket 42>" }]""");

        DotnetBuild.Outcome build = fixture.Audit("drift", Drift);
        Assert.True(build.Succeeded, build.ToString());
        string html = File.ReadAllText(Path.Combine(fixture.OutputOf("drift"), "report.html"));
        Assert.Contains("labels were re-audited &lt;ticket 42&gt;", html);
    }

    [Fact]
    public void A_stale_suppression_is_an_error_with_the_fix_command()
    {
        FreshBaseline();
        File.WriteAllText(SuppressionFile, """[{ "metric": "accuracy", "scope": "overall", "reason": "once needed" }]""");
        DotnetBuild.Outcome build = fixture.Audit("drift");
        Assert.False(build.Succeeded);
        Assert.Contains("error IA2004: [drift] The suppression of accuracy(overall)", build.Output);
        Assert.Contains("dotnet build -p:InterpAuditAcceptBaseline=true", build.Output);
    }

    [Fact]
    public void A_suppression_without_a_reason_is_IA3022()
    {
        FreshBaseline();
        File.WriteAllText(SuppressionFile, """[{ "metric": "accuracy", "scope": "overall", "reason": " " }]""");
        DotnetBuild.Outcome build = fixture.Audit("drift", Drift);
        Assert.False(build.Succeeded);
        Assert.Contains("error IA3022", build.Output);
    }

    [Fact]
    public void A_baseline_that_is_not_json_is_IA3021_and_never_a_pass()
    {
        FreshBaseline();
        File.WriteAllText(BaselineFile, "<<<<<<< HEAD\nmerge conflict\n");
        DotnetBuild.Outcome build = fixture.Audit("drift");
        Assert.False(build.Succeeded);
        Assert.Contains("error IA3021", build.Output);
        Assert.Contains("drift.audit-baseline.json", build.Output);
    }
}
