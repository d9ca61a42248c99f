using InterpAudit.Baselines;
using InterpAudit.Capture;
using InterpAudit.Results;

namespace InterpAudit.Tests.Baselines;

public sealed class RegressionGateTests
{
    private static readonly CheckDeclaration Declaration = new("AccuracyCheckAttribute", 0);

    private static CheckResult Check(double value, double halfWidth, BoundKind kind = BoundKind.Min, string scope = "class=7", double tolerance = 0) =>
        CheckResult.Judge("accuracy", "accuracy", scope, value, new Interval(value - halfWidth, value + halfWidth, "test"),
            new Threshold(kind, kind == BoundKind.Min ? 0 : 1), CheckSeverity.Error, "IA1001", Declaration) with { RegressionTolerance = tolerance };

    private static AuditResult Result(string dataset, params CheckResult[] checks) => new(1, "a", "T", new ModelIdentity("M", "w", "h", 1),
        new DatasetIdentity(10, dataset, [10]), ["c"], "cpu", 0, "0", DateTimeOffset.UnixEpoch, new Dictionary<string, double>(), checks, new Dictionary<string, object>());

    private static AuditBaseline Baseline(params CheckResult[] checks) => AuditBaseline.From(Result("data", checks));

    private static (AuditResult Result, IReadOnlyList<RegressionFinding> Findings) Compare(AuditBaseline baseline, CheckResult now, params Suppression[] suppressions) =>
        RegressionGate.Compare(Result("data", now), baseline, suppressions, "a.audit-suppressions.json");

    [Fact]
    public void The_noise_band_is_the_root_sum_of_squares_of_the_half_widths()
    {
        Assert.Equal(0.05, RegressionGate.NoiseBand(new Interval(0.5, 0.56, "x"), new Interval(0.6, 0.68, "x")), 12); // √(0.03² + 0.04²)
        Assert.Equal(0.03, RegressionGate.NoiseBand(new Interval(0.5, 0.56, "x"), null), 12);
    }

    [Theory]
    [InlineData(0.90, 0.849, RegressionStatus.Regressed)]  // Δ −0.051 beyond band 0.05
    [InlineData(0.90, 0.851, RegressionStatus.Unchanged)]  // Δ −0.049 within the band
    [InlineData(0.90, 0.951, RegressionStatus.Improved)]
    public void A_min_bounded_metric_regresses_when_it_falls_beyond_the_band(double then, double now, RegressionStatus expected)
    {
        // Half-widths 0.03 and 0.04: band 0.05.
        var (result, findings) = Compare(Baseline(Check(then, 0.04)), Check(now, 0.03));
        Assert.Equal(expected, result.Checks[0].Baseline!.Status);
        Assert.Equal(expected == RegressionStatus.Regressed ? 1 : 0, findings.Count(f => f.Code == "IA2001"));
        Assert.Equal(expected == RegressionStatus.Regressed, result.Verdict == AuditVerdict.Fail);
    }

    [Fact]
    public void A_max_bounded_metric_regresses_upwards()
    {
        var (result, _) = Compare(Baseline(Check(0.30, 0.01, BoundKind.Max)), Check(0.35, 0.01, BoundKind.Max));
        Assert.Equal(RegressionStatus.Regressed, result.Checks[0].Baseline!.Status);
        var (better, _) = Compare(Baseline(Check(0.30, 0.01, BoundKind.Max)), Check(0.25, 0.01, BoundKind.Max));
        Assert.Equal(RegressionStatus.Improved, better.Checks[0].Baseline!.Status);
    }

    [Fact]
    public void A_declared_tolerance_wider_than_the_band_decides()
    {
        var (within, _) = Compare(Baseline(Check(0.90, 0.01)), Check(0.85, 0.01, tolerance: 0.06));
        Assert.Equal(RegressionStatus.Unchanged, within.Checks[0].Baseline!.Status);
        var (beyond, findings) = Compare(Baseline(Check(0.90, 0.01)), Check(0.83, 0.01, tolerance: 0.06));
        Assert.Equal(RegressionStatus.Regressed, beyond.Checks[0].Baseline!.Status);
        Assert.Contains("accept it: dotnet build -p:InterpAuditAcceptBaseline=true", findings.Single().Message);
    }

    [Fact]
    public void A_NaN_value_is_a_regression_never_a_pass()
    {
        var (result, _) = Compare(Baseline(Check(0.90, 0.01)), Check(double.NaN, 0.01));
        Assert.Equal(RegressionStatus.Regressed, result.Checks[0].Baseline!.Status);
    }

    [Fact]
    public void A_suppressed_regression_is_accepted_with_its_reason_and_does_not_fail()
    {
        var (result, findings) = Compare(Baseline(Check(0.90, 0.01)), Check(0.80, 0.01), new Suppression("accuracy", "class=7", "relabelled sevens"));
        Assert.Equal(RegressionStatus.Accepted, result.Checks[0].Baseline!.Status);
        Assert.Equal("relabelled sevens", result.Checks[0].Baseline!.AcceptedReason);
        Assert.Empty(findings);
        Assert.Equal(AuditVerdict.Pass, result.Verdict);
    }

    [Fact]
    public void A_suppression_that_matches_no_regression_is_an_error_naming_the_fix()
    {
        var (_, findings) = Compare(Baseline(Check(0.90, 0.01)), Check(0.90, 0.01), new Suppression("accuracy", "class=7", "old"));
        RegressionFinding stale = Assert.Single(findings);
        Assert.Equal(("IA2004", CheckSeverity.Error), (stale.Code, stale.Severity));
        Assert.Contains("dotnet build -p:InterpAuditAcceptBaseline=true", stale.Message);
    }

    [Fact]
    public void A_baselined_metric_that_is_no_longer_measured_fails()
    {
        AuditBaseline baseline = Baseline(Check(0.9, 0.01), Check(0.9, 0.01, scope: "class=8"));
        var (_, findings) = Compare(baseline, Check(0.9, 0.01));
        RegressionFinding missing = Assert.Single(findings);
        Assert.Equal("IA2003", missing.Code);
        Assert.Contains("accuracy(class=8)", missing.Message);
    }

    [Fact]
    public void New_checks_have_nothing_to_compare_and_changed_data_is_a_warning()
    {
        AuditBaseline baseline = Baseline(Check(0.9, 0.01, scope: "class=1"));
        var (result, findings) = RegressionGate.Compare(Result("other data", Check(0.9, 0.01, scope: "class=1"), Check(0.5, 0.01)), baseline, [], "s.json");
        Assert.Equal(RegressionStatus.New, result.Checks[1].Baseline!.Status);
        Assert.Equal(("IA2005", CheckSeverity.Warning), (findings.Single().Code, findings.Single().Severity));
    }
}
