using InterpAudit.Reporting.Html;
using InterpAudit.Reporting.Sections;

namespace InterpAudit.Reporting;

/// <summary>
/// report.html's view model: the contract of a report template (docs/report-template.md). It changes
/// only with the metrics.json schema, whose number it carries as <see cref="Schema"/>, so a user's
/// template can tell which contract it was written against.
/// </summary>
internal sealed record ReportView(
    int Schema,
    string Audit,
    string TargetType,
    string StartedAt,
    string VerdictText,
    string VerdictClass,
    int Total,
    int Passed,
    int FailedErrors,
    int FailedWarnings,
    IReadOnlyList<ReportView.Check> Checks,
    IReadOnlyList<ReportView.Check> Conditions,
    int ConditionsMet,
    IReadOnlyList<SectionView> Sections,
    IReadOnlyList<ReportView.Term> Glossary,
    IReadOnlyList<ReportView.Fact> Provenance,
    string ToolVersion,
    TrustedHtml Css)
{
    /// <summary>
    /// A row of the checks table; <see cref="VerdictClass"/> is pass, fail or warn. <see cref="Anchor"/>
    /// is the row's id, which the conditions summary links to; <see cref="Sentence"/> says what was
    /// compared with what (<see cref="ConditionSentence"/>); <see cref="MetricAnchor"/> is the metric's
    /// glossary entry (null for a metric the glossary lacks).
    /// </summary>
    public sealed record Check(string Verdict, string VerdictClass, string Subject, string Metric, string Scope, string Value, string Interval,
        string Threshold, string Baseline, string Delta, string Severity, string Code, string Location, string Anchor, string Sentence,
        string? MetricAnchor, bool Met);

    /// <summary>A glossary entry (<see cref="Reporting.Glossary"/>) of a metric the checks table shows; <see cref="Anchor"/> is its id.</summary>
    public sealed record Term(string Anchor, string Metric, string Measures, string Unit, string Better, string Reference);

    /// <summary>A line of the provenance table.</summary>
    public sealed record Fact(string Key, string Value);
}
