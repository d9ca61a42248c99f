namespace InterpAudit.Baselines;

/// <summary>An accepted regression, listed in <c>&lt;audit&gt;.audit-suppressions.json</c> with the reason a reviewer reads.</summary>
/// <param name="Metric">The metric name, e.g. <c>accuracy</c>.</param>
/// <param name="Scope">The scope, e.g. <c>class=7</c>.</param>
/// <param name="Reason">Why the regression is accepted (required).</param>
public sealed record Suppression(string Metric, string Scope, string Reason)
{
    /// <summary>The suppressed metric as every output names it (a suppression holds no family: it matches by metric and scope).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Display => new Results.MetricId("", Metric, Scope).Display;
}
