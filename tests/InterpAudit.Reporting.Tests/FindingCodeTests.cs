using InterpAudit.Capture;
using InterpAudit.Results;

namespace InterpAudit.Reporting.Tests;

/// <summary>
/// One finding, one code, in every output (issue #20, point 2): a check that passes its threshold but
/// regressed is IA2001 in SARIF, JUnit, the summary and the report — as the build log says — not its
/// threshold's code; a failed threshold keeps its own.
/// </summary>
public sealed class FindingCodeTests
{
    private static AuditResult Result(Verdict verdict, RegressionStatus status)
    {
        CheckResult check = CheckResult.Judge(new MetricId("ablation", "specialization", "layer=fc2,ablation=mean"), verdict == Verdict.Pass ? 0.50 : 0.30, null,
                new Threshold(BoundKind.Min, 0.35), CheckSeverity.Error, "IA1301", new CheckDeclaration("AblationCheckAttribute", 0))
            with
            {
                Location = new SourceLocation("/src/A.cs", 3, 2),
                Baseline = new BaselineComparison(0.55, null, -0.05, 0.02, 0.02, status),
            };
        return new AuditResult(AuditResult.CurrentSchema, "a", "T", new ModelIdentity("M", "w", new string('a', 64), 1),
            new DatasetIdentity(10, new string('b', 64), [10]), ["x"], "cpu", 0, "0.1.0", DateTimeOffset.UnixEpoch,
            new Dictionary<string, double>(), [check], new Dictionary<string, object>());
    }

    private static IEnumerable<string> Outputs(AuditResult result) =>
        new IReportWriter[] { new SarifWriter(), new JUnitWriter(), new MarkdownSummaryWriter(), new HtmlReportWriter() }
            .Select(w => SampleResults.Render(w, result));

    [Fact]
    public void A_regression_within_its_threshold_is_IA2001_everywhere()
    {
        Assert.All(Outputs(Result(Verdict.Pass, RegressionStatus.Regressed)), output =>
        {
            Assert.Contains("IA2001", output);
            Assert.DoesNotContain("IA1301", output);
        });
    }

    [Fact]
    public void A_failed_threshold_keeps_its_own_code_everywhere()
    {
        Assert.All(Outputs(Result(Verdict.Fail, RegressionStatus.Regressed)), output => Assert.Contains("IA1301", output));
    }
}
