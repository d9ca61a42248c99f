using InterpAudit.Results;

namespace InterpAudit.Tests.Checks;

public sealed class CheckResultTests
{
    private static readonly CheckDeclaration Declaration = new("AccuracyCheckAttribute", 0);

    private static CheckResult Judge(double value, BoundKind kind, double bound) =>
        CheckResult.Judge(new MetricId("accuracy", "accuracy", "class=7"), value, null, new Threshold(kind, bound), CheckSeverity.Error, "IA1001", Declaration);

    [Fact]
    public void A_failure_reads_like_the_build_log_line_users_expect()
    {
        CheckResult result = Judge(0.83, BoundKind.Min, 0.9);
        Assert.Equal(Verdict.Fail, result.Verdict);
        Assert.Equal("accuracy(class=7) = 0.83 < min 0.90", result.Message);
    }

    [Fact]
    public void Values_that_round_like_the_bound_get_the_digits_that_tell_them_apart()
    {
        Assert.Equal("accuracy(class=7) = 0.899 < min 0.900", Judge(0.899, BoundKind.Min, 0.9).Message);
        Assert.Equal("accuracy(class=7) = 0.31 > max 0.30", Judge(0.31, BoundKind.Max, 0.3).Message);
    }

    [Theory]
    [InlineData(0.9, BoundKind.Min, 0.9, Verdict.Pass)]
    [InlineData(0.8999999, BoundKind.Min, 0.9, Verdict.Fail)]
    [InlineData(0.3, BoundKind.Max, 0.3, Verdict.Pass)]
    [InlineData(double.NaN, BoundKind.Min, 0.0, Verdict.Fail)]
    [InlineData(double.NaN, BoundKind.Max, 1.0, Verdict.Fail)]
    public void Bounds_are_inclusive_and_NaN_never_passes(double value, BoundKind kind, double bound, Verdict expected)
    {
        Assert.Equal(expected, Judge(value, kind, bound).Verdict);
    }

    [Fact]
    public void The_audit_fails_on_an_error_warns_on_a_warning_and_passes_otherwise()
    {
        CheckResult failed = Judge(0.1, BoundKind.Min, 0.9);
        CheckResult passed = Judge(0.95, BoundKind.Min, 0.9);
        AuditResult With(params CheckResult[] checks) => new(1, "a", "T", new ModelIdentity("M", "w", "h", 1),
            new InterpAudit.Capture.DatasetIdentity(1, "h", [1]), ["c"], "cpu", 0, "0", DateTimeOffset.UnixEpoch,
            new Dictionary<string, double>(), checks, new Dictionary<string, object>());
        Assert.Equal(AuditVerdict.Pass, With(passed).Verdict);
        Assert.Equal(AuditVerdict.Warn, With(passed, failed with { Severity = CheckSeverity.Warning }).Verdict);
        Assert.Equal(AuditVerdict.Fail, With(passed, failed).Verdict);
    }
}
