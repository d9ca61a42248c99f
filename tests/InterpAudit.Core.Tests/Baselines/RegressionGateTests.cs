using InterpAudit.Baselines;
using InterpAudit.Capture;
using InterpAudit.Results;

namespace InterpAudit.Tests.Baselines;

/// <summary>
/// The gate's arithmetic against closed forms: one-sided normal and Student-t critical values, the
/// prediction interval s·√(1 + 1/n), McNemar's paired variance, and the tolerance floor.
/// </summary>
public sealed class RegressionGateTests
{
    private const double Z95 = 1.959963984540054;     // two-sided 95%: a half-width is 1.96 σ
    private const double Z95OneSided = 1.6448536269514722;
    private const double T4OneSided95 = 2.1318467863266495; // Student's t, 4 degrees of freedom, 0.95 quantile

    private static readonly CheckDeclaration Declaration = new("AccuracyCheckAttribute", 0);

    private static CheckResult Check(double value, double halfWidth, BoundKind kind = BoundKind.Min, string scope = "class=7", double tolerance = 0) =>
        CheckResult.Judge(new MetricId("accuracy", "accuracy", scope), value, double.IsNaN(halfWidth) ? null : new Interval(value - halfWidth, value + halfWidth, "test"),
            new Threshold(kind, kind == BoundKind.Min ? 0 : 1), CheckSeverity.Error, "IA1001", Declaration) with { Tolerance = new RegressionTolerance(tolerance) };

    private static AuditResult Result(string dataset, params CheckResult[] checks) => new(AuditResult.CurrentSchema, "a", "T", new ModelIdentity("M", "w", "h", 1),
        new DatasetIdentity(10, dataset, [10]), ["c"], "cpu", 0, "0", DateTimeOffset.UnixEpoch, new Dictionary<string, double>(), checks, new Dictionary<string, object>());

    private static AuditBaseline Baseline(params CheckResult[] checks) => AuditBaseline.From(Result("data", checks));

    private static AuditBaseline Calibrated(params double[] values) =>
        BaselineCalibration.Accept(values.Select(v => Result("data", Check(v, double.NaN))).ToList());

    private static (AuditResult Result, IReadOnlyList<RegressionFinding> Findings) Compare(AuditBaseline baseline, CheckResult now, string dataset = "data", params Suppression[] suppressions) =>
        RegressionGate.Compare(Result(dataset, now), baseline, suppressions, "a.audit-suppressions.json");

    [Theory]
    [InlineData(-0.0415, RegressionStatus.Unchanged)]
    [InlineData(-0.0425, RegressionStatus.Regressed)]
    [InlineData(+0.0425, RegressionStatus.Improved)]
    public void One_run_on_other_data_allows_the_one_sided_normal_quantile_of_both_intervals(double delta, RegressionStatus expected)
    {
        // Half-widths 0.04 (baseline) and 0.03 (now): σ = √(0.03² + 0.04²)/1.96, band = 1.6449 σ = 0.04196.
        double band = Z95OneSided * 0.05 / Z95;
        var (result, findings) = Compare(Baseline(Check(0.90, 0.04)), Check(0.90 + delta, 0.03), dataset: "other data");
        BaselineComparison comparison = result.Checks[0].Baseline!;
        Assert.Equal(band, comparison.NoiseBand, 10);
        Assert.Equal(expected, comparison.Status);
        Assert.Equal(expected == RegressionStatus.Regressed ? 1 : 0, findings.Count(f => f.Code == "IA2001"));
        Assert.Equal(expected == RegressionStatus.Regressed, result.Verdict == AuditVerdict.Fail);
    }

    [Fact]
    public void One_run_on_the_same_data_uses_this_runs_interval_only()
    {
        var (result, _) = Compare(Baseline(Check(0.90, 0.04)), Check(0.89, 0.03));
        Assert.Equal(Z95OneSided * 0.03 / Z95, result.Checks[0].Baseline!.NoiseBand, 10);
        Assert.Contains("this run's sampling interval", result.Checks[0].Baseline!.Noise);
    }

    [Theory]
    [InlineData(-0.0365, RegressionStatus.Unchanged)]
    [InlineData(-0.0375, RegressionStatus.Regressed)]
    public void Calibration_runs_give_a_student_t_prediction_interval_for_one_more_run(double delta, RegressionStatus expected)
    {
        // Five runs: mean 0.91, s = √(0.001/4) = 0.015811; σ_T = s·√(1 + 1/5) = 0.017321; t(4, 0.95) = 2.1318: band 0.036925.
        AuditBaseline baseline = Calibrated(0.90, 0.92, 0.91, 0.93, 0.89);
        var (result, findings) = Compare(baseline, Check(0.91 + delta, double.NaN));
        BaselineComparison comparison = result.Checks[0].Baseline!;
        Assert.Equal(0.91, comparison.BaselineValue, 12);
        Assert.Equal(Math.Sqrt(0.001 / 4), comparison.Spread, 12);
        Assert.Equal(Math.Sqrt(0.001 / 4) * Math.Sqrt(1.2), comparison.TrainingSigma, 12);
        Assert.Equal(T4OneSided95 * Math.Sqrt(0.001 / 4 * 1.2), comparison.NoiseBand, 9);
        Assert.Equal(5, comparison.Runs);
        Assert.Equal(expected, comparison.Status);
        if (expected == RegressionStatus.Regressed)
            Assert.Contains("baseline mean 0.9100 over 5 calibration runs", findings.Single().Message);
    }

    [Fact]
    public void The_tolerance_floor_keeps_a_metric_that_never_varied_from_failing_on_any_change()
    {
        // A count that was 9 in every calibration run and has no interval: σ = 0, so only the floor decides.
        CheckResult Count(double value) => Check(value, double.NaN, BoundKind.Max) with { Tolerance = new RegressionTolerance(1, 0.05) };
        AuditBaseline baseline = BaselineCalibration.Accept(new[] { 9.0, 9, 9, 9, 9 }.Select(v => Result("data", Count(v))).ToList());
        Assert.Equal(RegressionStatus.Unchanged, Compare(baseline, Count(10)).Result.Checks[0].Baseline!.Status);
        (AuditResult beyond, IReadOnlyList<RegressionFinding> findings) = Compare(baseline, Count(11));
        Assert.Equal(RegressionStatus.Regressed, beyond.Checks[0].Baseline!.Status);
        Assert.Equal(1, beyond.Checks[0].Baseline!.Tolerance); // max(1, 5 % of 9)
        Assert.Contains("max(tolerance 1.0000, noise band 0.0000)", findings.Single().Message);
    }

    [Fact]
    public void A_relative_tolerance_scales_with_the_baseline()
    {
        Assert.Equal(0.1, new RegressionTolerance(0.002, 0.10).For(1.0), 12);
        Assert.Equal(0.002, new RegressionTolerance(0.002, 0.10).For(0.01), 12);
        Assert.Equal(0.002, new RegressionTolerance(0.002, 0.10).For(double.NaN), 12);
    }

    [Fact]
    public void Paired_outcomes_on_the_same_data_find_a_two_point_drop_that_two_intervals_hide()
    {
        // 1,000 samples, 900 correct before. Now 25 of them are wrong and 5 wrong ones right: accuracy 0.88.
        bool[] before = Enumerable.Range(0, 1000).Select(i => i < 900).ToArray();
        bool[] after = before.Select((hit, i) => i < 25 ? false : i >= 900 && i < 905 ? true : hit).ToArray();
        CheckResult Run(bool[] hits)
        {
            Interval wilson = InterpAudit.Statistics.WilsonInterval.Of(hits.Count(h => h), 1000);
            return Check(hits.Count(h => h) / 1000.0, (wilson.Upper - wilson.Lower) / 2) with { Outcomes = SampleOutcomes.From(hits) };
        }
        AuditBaseline baseline = Baseline(Run(before));

        var (paired, _) = Compare(baseline, Run(after));
        // McNemar: e_i ∈ {−1, 0, +1}; Var(e) = ((b + c)/N − ((c − b)/N)²)·N/(N − 1); σ = √(Var/N).
        double expectedSigma = Math.Sqrt((30.0 / 1000 - 0.02 * 0.02) * 1000 / 999 / 1000);
        Assert.Equal(expectedSigma, paired.Checks[0].Baseline!.SamplingSigma, 12);
        Assert.Contains("paired per-sample outcomes (1000 samples)", paired.Checks[0].Baseline!.Noise);
        Assert.Equal(RegressionStatus.Regressed, paired.Checks[0].Baseline!.Status);

        // The same drop judged on other data (no pairing possible): inside the two Wilson intervals.
        var (unpaired, _) = Compare(baseline, Run(after), dataset: "other data");
        Assert.Equal(RegressionStatus.Unchanged, unpaired.Checks[0].Baseline!.Status);
    }

    [Fact]
    public void Holm_rejects_in_ascending_order_until_the_first_p_above_its_level()
    {
        // Sorted: 0.005 ≤ 0.05/4, 0.01 ≤ 0.05/3, 0.03 > 0.05/2 stops; 0.04 is not rejected either.
        (double Level, bool Rejected)[] holm = HolmProcedure.Apply([0.01, 0.04, 0.03, 0.005], 0.05);
        Assert.Equal([true, false, false, true], holm.Select(h => h.Rejected));
        Assert.Equal([0.05 / 3, 0.05 / 1, 0.05 / 2, 0.05 / 4], holm.Select(h => h.Level));
    }

    /// <summary>
    /// The promise made to users: fair retrains fail an audit of many metrics at most at the declared
    /// rate. Simulated: 30 independent metrics, 8 calibration runs and one new run from the same normal
    /// distribution, 2,000 audits (seeded). Without the family-wise correction nearly every audit would
    /// fail (1 − 0.95³⁰ = 79 %).
    /// </summary>
    [Fact]
    public void Fair_retrains_fail_an_audit_at_the_declared_false_alarm_rate_not_per_metric()
    {
        var random = new Random(7);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        const int audits = 2000, metrics = 30, runs = 8;
        int failed = 0;
        for (int a = 0; a < audits; a++)
        {
            var calibration = Enumerable.Range(0, runs).Select(_ =>
                Result("data", Enumerable.Range(0, metrics).Select(m => Check(Normal(), double.NaN, scope: $"m{m}")).ToArray())).ToList();
            AuditBaseline baseline = BaselineCalibration.Accept(calibration);
            AuditResult now = Result("data", Enumerable.Range(0, metrics).Select(m => Check(Normal(), double.NaN, scope: $"m{m}")).ToArray());
            // Counted on regressions only: the simulated values ignore the checks' thresholds.
            if (RegressionGate.Compare(now, baseline, [], "s.json").Result.Checks.Any(c => c.Baseline!.Status == RegressionStatus.Regressed)) failed++;
        }
        double rate = (double)failed / audits;
        // Holm over independent tests is slightly below α: 1 − (1 − α/30)³⁰ ≈ 0.0488; ±3 SE ≈ 0.014.
        Assert.InRange(rate, 0.035, 0.063);
    }

    [Fact]
    public void A_real_shift_of_one_metric_among_thirty_is_still_caught()
    {
        var random = new Random(11);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        int caught = 0;
        for (int a = 0; a < 200; a++)
        {
            var calibration = Enumerable.Range(0, 8).Select(_ =>
                Result("data", Enumerable.Range(0, 30).Select(m => Check(Normal(), double.NaN, scope: $"m{m}")).ToArray())).ToList();
            AuditBaseline baseline = BaselineCalibration.Accept(calibration);
            // Metric 0 falls by 8 standard deviations (a degraded model); the rest are a fair retrain.
            AuditResult now = Result("data", Enumerable.Range(0, 30).Select(m => Check(Normal() - (m == 0 ? 8 : 0), double.NaN, scope: $"m{m}")).ToArray());
            if (RegressionGate.Compare(now, baseline, [], "s.json").Result.Checks[0].Baseline!.Status == RegressionStatus.Regressed) caught++;
        }
        Assert.True(caught >= 180, $"caught {caught} of 200");
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
        var (result, findings) = Compare(Baseline(Check(0.90, 0.01)), Check(0.80, 0.01), suppressions: new Suppression("accuracy", "class=7", "relabelled sevens"));
        Assert.Equal(RegressionStatus.Accepted, result.Checks[0].Baseline!.Status);
        Assert.Equal("relabelled sevens", result.Checks[0].Baseline!.AcceptedReason);
        Assert.Empty(findings);
        Assert.Equal(AuditVerdict.Pass, result.Verdict);
    }

    [Fact]
    public void A_suppression_that_matches_no_regression_is_an_error_naming_the_fix()
    {
        var (_, findings) = Compare(Baseline(Check(0.90, 0.01)), Check(0.90, 0.01), suppressions: new Suppression("accuracy", "class=7", "old"));
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
