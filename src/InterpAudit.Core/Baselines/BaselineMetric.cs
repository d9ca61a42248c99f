using InterpAudit.Results;

namespace InterpAudit.Baselines;

/// <summary>One metric's committed value, its interval, and which way is worse.</summary>
public sealed record BaselineMetric(string Family, string Metric, string Scope, double Value, Interval? Interval, BoundKind Bound)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public string Key => $"{Family}|{Metric}|{Scope}";
}
