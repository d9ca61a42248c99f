using InterpAudit.Results;

namespace InterpAudit.Baselines;

/// <summary>
/// The committed <c>&lt;audit&gt;.audit-baseline.json</c>: every metric's value and interval, with the
/// model, data and tool that produced them.
/// </summary>
public sealed record AuditBaseline(
    int Schema,
    string Audit,
    string ToolVersion,
    string ModelType,
    string WeightsSha256,
    long SampleCount,
    string DatasetSha256,
    IReadOnlyList<BaselineMetric> Metrics)
{
    public const int CurrentSchema = 1;

    public static AuditBaseline From(AuditResult result) => new(
        CurrentSchema, result.Audit, result.ToolVersion, result.Model.Type, result.Model.WeightsSha256,
        result.Dataset.SampleCount, result.Dataset.Sha256,
        result.Checks.GroupBy(c => c.Key).Select(g => g.First())
            .Select(c => new BaselineMetric(c.Family, c.Metric, c.Scope, c.Value, c.Interval, c.Threshold.Kind)).ToList());
}
