using InterpAudit.Results;

namespace InterpAudit.Reporting.Tests;

/// <summary>
/// The conditions summary and metrics.json's verdict: why a check failed is stated, failures come first,
/// and a check that met its threshold but regressed is a failure wherever the build's judgment is shown.
/// </summary>
public sealed class ConditionsTests
{
    /// <summary>The sample with its warning check regressed against a 5-run baseline at error severity... and the first one regressed too.</summary>
    private static AuditResult Regressed()
    {
        AuditResult sample = SampleResults.Create();
        var regressed = new BaselineComparison(0.5107, new Interval(0.50, 0.52, "range of 5 calibration runs"), -0.0072, 0.0040, 0.002, RegressionStatus.Regressed)
        {
            Runs = 5, PValue = 0.001, Level = 0.025,
        };
        CheckResult first = sample.Checks[0] with { Value = 0.5035, Threshold = new Threshold(BoundKind.Min, 0.5), Baseline = regressed };
        return sample with { Checks = [first, sample.Checks[1], sample.Checks[2]] };
    }

    [Fact]
    public void A_regression_is_one_sentence_naming_baseline_runs_value_allowed_move_and_what_set_it()
    {
        CheckResult check = Regressed().Checks[0];
        Assert.Equal(
            "accuracy(class=zero) fell from 0.5107 (baseline mean of 5 calibration runs in the committed baseline) to 0.5035, "
            + "beyond the allowed 0.0040 (noise band) — p = 0.001 at Holm level 0.025, a regression.",
            ConditionSentence.For(check));
    }

    [Fact]
    public void The_tolerance_is_named_when_it_is_larger_than_the_noise_band_and_a_maximum_rises()
    {
        CheckResult check = Regressed().Checks[0] with { Value = 0.5180, Threshold = new Threshold(BoundKind.Max, 0.6) };
        check = check with { Baseline = check.Baseline! with { Tolerance = 0.005, NoiseBand = 0.001, Runs = 1 } };
        string sentence = ConditionSentence.For(check);
        Assert.StartsWith("accuracy(class=zero) rose from 0.5107 (the one calibration run in the committed baseline) to 0.5180, beyond the allowed 0.0050 (tolerance)", sentence);
    }

    [Fact]
    public void The_verb_follows_the_numbers_even_where_the_verdict_does_not()
    {
        // A maximum "regressed" by falling cannot come from the gate; the sentence must not invent a rise.
        CheckResult check = Regressed().Checks[0] with { Threshold = new Threshold(BoundKind.Max, 0.6) };
        Assert.StartsWith("accuracy(class=zero) fell from 0.5107", ConditionSentence.For(check));
        Assert.StartsWith("accuracy(class=zero) stayed at 0.5107 (baseline mean of 5 calibration runs in the committed baseline), beyond", ConditionSentence.For(check with { Value = 0.5107 }));
    }

    [Fact]
    public void A_threshold_failure_states_the_value_against_the_bound_with_enough_digits_to_tell_them_apart()
    {
        AuditResult sample = SampleResults.Create();
        Assert.Equal("accuracy(class=seven) = 0.83 is below its minimum 0.90.", ConditionSentence.For(sample.Checks[1]));
        CheckResult close = sample.Checks[1] with { Value = 0.8999 };
        Assert.Equal("accuracy(class=seven) = 0.8999 is below its minimum 0.9000.", ConditionSentence.For(close));
        Assert.Equal("accuracy(class=seven) could not be computed (NaN); a missing value fails the check.",
            ConditionSentence.For(sample.Checks[1] with { Value = double.NaN }));
    }

    [Fact]
    public void An_accepted_regression_gives_its_reason()
    {
        string sentence = ConditionSentence.For(SampleResults.Create().Checks[0]);
        Assert.Equal("accuracy(class=zero) fell from 0.9900 (baseline mean of 5 calibration runs in the committed baseline) to 0.9500, "
            + "beyond the allowed 0.0351 (noise band), but the regression is accepted: relabelled zeros <on purpose>.", sentence);
    }

    [Fact]
    public void The_gate_verdict_counts_a_regression_and_the_severity_while_the_threshold_verdict_does_not()
    {
        AuditResult result = Regressed();
        Assert.Equal((Verdict.Pass, AuditVerdict.Fail), (result.Checks[0].Verdict, result.Checks[0].GateVerdict));
        Assert.Equal((Verdict.Fail, AuditVerdict.Fail), (result.Checks[1].Verdict, result.Checks[1].GateVerdict));
        Assert.Equal((Verdict.Fail, AuditVerdict.Warn), (result.Checks[2].Verdict, result.Checks[2].GateVerdict));
        CheckResult passing = result.Checks[0] with { Baseline = null };
        Assert.Equal(AuditVerdict.Pass, passing.GateVerdict);
    }

    [Fact]
    public void Conditions_list_errors_then_warnings_then_the_rest_and_link_to_the_rows()
    {
        AuditResult sample = SampleResults.Create();
        // Declaration order: pass (accepted), error fail, warning fail. Put the warning first to see it move below the error.
        AuditResult result = sample with { Checks = [sample.Checks[2], sample.Checks[0], sample.Checks[1]] };
        ReportView view = HtmlReportWriter.BuildModel(result);
        Assert.Equal(["check-3", "check-1", "check-2"], view.Conditions.Select(c => c.Anchor));
        Assert.Equal(["fail", "warn", "pass"], view.Conditions.Select(c => c.VerdictClass));

        string html = SampleResults.Render(new HtmlReportWriter(), result);
        int conditions = html.IndexOf("<h2>Conditions</h2>", StringComparison.Ordinal);
        Assert.True(conditions > 0 && conditions < html.IndexOf("<h2>Checks</h2>", StringComparison.Ordinal));
        Assert.Contains("<a href=\"#check-3\">accuracy(class&#x3D;seven) &#x3D; 0.83 is below its minimum 0.90.</a>", html);
        foreach (string anchor in (string[])["check-1", "check-2", "check-3"])
            Assert.Contains($"<tr id=\"{anchor}\">", html);
    }

    [Fact]
    public void Conditions_met_follow_behind_a_disclosure_after_failures_and_accepted_regressions()
    {
        AuditResult sample = SampleResults.Create();
        // A fourth check that met its threshold with no baseline: nothing to review. The accepted regression stays in view.
        CheckResult met = sample.Checks[1] with { Value = 0.95, Verdict = Verdict.Pass, Baseline = null };
        AuditResult result = sample with { Checks = [met, .. sample.Checks] };
        ReportView view = HtmlReportWriter.BuildModel(result);
        Assert.Equal(["check-3", "check-4", "check-2", "check-1"], view.Conditions.Select(c => c.Anchor));
        Assert.Equal([false, false, false, true], view.Conditions.Select(c => c.Met));
        Assert.Equal(1, view.ConditionsMet);

        string html = SampleResults.Render(new HtmlReportWriter(), result);
        string conditions = html[html.IndexOf("<h2>Conditions</h2>", StringComparison.Ordinal)..html.IndexOf("<h2>Checks</h2>", StringComparison.Ordinal)];
        int disclosure = conditions.IndexOf("<details><summary>1 of 4 conditions met</summary>", StringComparison.Ordinal);
        Assert.True(disclosure > 0);
        Assert.True(conditions.IndexOf("href=\"#check-2\"", StringComparison.Ordinal) < disclosure, "the accepted regression is listed before the disclosure");
        Assert.True(conditions.IndexOf("href=\"#check-1\"", StringComparison.Ordinal) > disclosure, "the condition met is behind it");

        AuditResult allMet = sample with { Checks = [met] };
        string quiet = SampleResults.Render(new HtmlReportWriter(), allMet);
        Assert.Contains("<p>Every condition is met.</p>", quiet);
        Assert.Contains("<details><summary>1 of 1 conditions met</summary>", quiet);
    }

    [Fact]
    public void Metrics_json_verdict_is_the_gate_s_and_threshold_verdict_the_threshold_s_and_both_read_back()
    {
        AuditResult result = Regressed();
        string json = SampleResults.Render(new MetricsJsonWriter(), result);
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var checks = document.RootElement.GetProperty("checks").EnumerateArray()
            .Select(c => (c.GetProperty("thresholdVerdict").GetString(), c.GetProperty("verdict").GetString(), c.GetProperty("failsGate").GetBoolean())).ToArray();
        Assert.Equal([("pass", "fail", true), ("fail", "fail", true), ("fail", "warn", true)], checks);

        // Baselines and calibration read metrics.json back into AuditResult (MetricsFile): the threshold's verdict survives.
        AuditResult read = System.Text.Json.JsonSerializer.Deserialize<AuditResult>(json, MetricsJson.Options)!;
        Assert.Equal([Verdict.Pass, Verdict.Fail, Verdict.Fail], read.Checks.Select(c => c.Verdict));
        Assert.Equal([AuditVerdict.Fail, AuditVerdict.Fail, AuditVerdict.Warn], read.Checks.Select(c => c.GateVerdict));
    }
}
