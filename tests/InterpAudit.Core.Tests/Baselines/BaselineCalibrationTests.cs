using InterpAudit.Baselines;
using InterpAudit.Capture;
using InterpAudit.Diagnostics;
using InterpAudit.Results;

namespace InterpAudit.Tests.Baselines;

public sealed class BaselineCalibrationTests
{
    private static CheckResult Check(double value, string scope = "overall", BoundKind kind = BoundKind.Min, double bound = 0.9) =>
        CheckResult.Judge(new MetricId("accuracy", "accuracy", scope), value, null, new Threshold(kind, bound), CheckSeverity.Error, "IA1001",
            new CheckDeclaration("AccuracyCheckAttribute", 0));

    private static AuditResult Run(string audit = "a", string dataset = "data", string weights = "w", params CheckResult[] checks) =>
        new(AuditResult.CurrentSchema, audit, "T", new ModelIdentity("M", "w", weights, 1), new DatasetIdentity(10, dataset, [10]), ["c"], "cpu", 0, "1.0",
            DateTimeOffset.UnixEpoch, new Dictionary<string, double>(), checks, new Dictionary<string, object>());

    [Fact]
    public void Each_metric_keeps_every_runs_value_with_their_mean_and_spread()
    {
        AuditBaseline baseline = BaselineCalibration.Accept([Run(weights: "1", checks: Check(0.94)), Run(weights: "2", checks: Check(0.95)), Run(weights: "3", checks: Check(0.96))]);
        BaselineMetric metric = Assert.Single(baseline.Metrics);
        Assert.Equal([0.94, 0.95, 0.96], metric.Values);
        Assert.Equal(0.95, metric.Mean, 12);
        Assert.Equal(0.01, metric.Spread, 12); // √((0.01² + 0 + 0.01²)/2)
        Assert.Equal(["1", "2", "3"], baseline.Runs.Select(r => r.WeightsSha256));
        Assert.Equal(AuditBaseline.CurrentSchema, baseline.Schema);
    }

    [Fact]
    public void Runs_on_different_data_are_refused_with_a_code()
    {
        var e = Assert.Throws<AuditInputException>(() => BaselineCalibration.Accept([Run(checks: Check(0.9)), Run(dataset: "other", checks: Check(0.9))]));
        Assert.Equal(DiagnosticCodes.CalibrationRunsMismatch, e.Code);
        Assert.Contains("evaluated different data", e.Message);
    }

    [Fact]
    public void Runs_that_measured_other_metrics_are_refused_naming_them()
    {
        var e = Assert.Throws<AuditInputException>(() => BaselineCalibration.Accept([Run(checks: [Check(0.9), Check(0.9, "class=1")]), Run(checks: Check(0.9))]));
        Assert.Equal(DiagnosticCodes.CalibrationRunsMismatch, e.Code);
        Assert.Contains("missing: accuracy accuracy class=1", e.Message);
    }

    [Theory]
    [InlineData(BoundKind.Min, 0.90, 0.95, 0.01, 5.0)]   // (0.95 − 0.90)/0.01
    [InlineData(BoundKind.Max, 0.06, 0.04, 0.005, 4.0)]  // (0.06 − 0.04)/0.005
    [InlineData(BoundKind.Min, 0.96, 0.95, 0.01, -1.0)]  // the mean itself fails the bound
    public void A_bounds_margin_is_its_distance_from_the_mean_in_spreads(BoundKind kind, double bound, double mean, double spread, double expected) =>
        Assert.Equal(expected, BoundMargin.InSpreads(new Threshold(kind, bound), mean, spread), 12);

    [Fact]
    public void The_summary_flags_a_bound_within_three_spreads()
    {
        AuditBaseline baseline = BaselineCalibration.Accept([Run(checks: Check(0.92)), Run(checks: Check(0.94))]);
        CalibrationSummary.Row row = Assert.Single(CalibrationSummary.Rows(baseline, [Check(0.92)]));
        Assert.Equal((0.93 - 0.90) / Math.Sqrt(0.0002), row.Margin, 9); // 2.12 spreads
        Assert.True(row.Tight);
        Assert.Contains("← tight", CalibrationSummary.Format([row]));
    }

    [Fact]
    public void Sample_outcomes_round_trip_through_their_bitset()
    {
        bool[] hits = Enumerable.Range(0, 21).Select(i => i % 3 == 0).ToArray();
        SampleOutcomes packed = SampleOutcomes.From(hits);
        Assert.Equal(21, packed.Count);
        Assert.Equal(hits.Select(h => h ? 1.0 : 0.0), packed.Decode()!);
        Assert.Null((packed with { Count = 30 }).Decode());
    }
}
