namespace InterpAudit.Reporting.Sections;

/// <summary>The accepted regressions: checks worse than the baseline that a suppression accepted, with its reason.</summary>
internal sealed record AcceptedView(IReadOnlyList<AcceptedView.Row> Rows)
{
    public sealed record Row(string Metric, string Value, string Baseline, string Delta, string Reason);
}
