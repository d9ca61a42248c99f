using System.Text.Json.Serialization;
using InterpAudit.Baselines;
using InterpAudit.Results;

namespace InterpAudit.Runner.Baselines;

/// <summary>
/// A baseline of schema 1 (one value and interval per metric, InterpAudit 0.1): read as a baseline
/// calibrated from a single run, so that upgrading does not turn every committed baseline into an
/// error. Accepting again writes schema 2.
/// </summary>
internal sealed record LegacyBaseline(string Audit, string ToolVersion, string ModelType, string WeightsSha256, long SampleCount,
    string DatasetSha256, IReadOnlyList<LegacyBaseline.Metric> Metrics)
{
    public const int Schema = 1;

    public sealed record Metric(string Family, [property: JsonPropertyName("metric")] string Name, string Scope, double Value, Interval? Interval, BoundKind Bound);

    public AuditBaseline ToCurrent() => new(AuditBaseline.CurrentSchema, Audit, ToolVersion, ModelType, SampleCount, DatasetSha256,
        [new CalibrationRun(WeightsSha256, DateTimeOffset.MinValue, "unknown", ToolVersion)],
        Metrics.Select(m => new BaselineMetric(m.Family, m.Name, m.Scope, m.Bound, [m.Value], [BaselineCalibration.HalfWidth(m.Interval)])).ToList());
}
