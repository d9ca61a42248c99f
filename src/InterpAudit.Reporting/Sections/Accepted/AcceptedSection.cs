using InterpAudit.Results;

namespace InterpAudit.Reporting.Sections;

/// <summary>The report's list of accepted regressions, so that what a suppression waved through stays in view.</summary>
internal sealed class AcceptedSection : ReportSection<AcceptedView>
{
    public override string Name => "accepted";

    public override int Order => 10;

    public override AcceptedView? Build(AuditResult result)
    {
        AcceptedView.Row[] rows = result.Checks.Where(c => c.Baseline?.Status == RegressionStatus.Accepted)
            .Select(c => new AcceptedView.Row(Formatting.Subject(c), Formatting.Number(c.Value), Formatting.Baseline(c.Baseline),
                Formatting.Delta(c.Baseline), c.Baseline!.AcceptedReason ?? ""))
            .ToArray();
        return rows.Length == 0 ? null : new AcceptedView(rows);
    }
}
