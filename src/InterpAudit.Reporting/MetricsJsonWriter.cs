using System.Text.Json;
using InterpAudit.Results;

namespace InterpAudit.Reporting;

/// <summary>
/// metrics.json: the versioned contract with baselines, CI and dashboards (schema in
/// <see cref="AuditResult.CurrentSchema"/>). Measurements are written with their runtime types.
/// </summary>
public sealed class MetricsJsonWriter : IReportWriter
{
    public string FileName => "metrics.json";

    public void Write(AuditResult result, Stream destination) =>
        JsonSerializer.Serialize(destination, result, MetricsJson.Options);
}
