namespace InterpAudit.Results;

/// <summary>
/// The identity of one judged metric within an audit: family, metric and scope. The one place that
/// turns them into the baseline's key and into the text a reader sees, <c>accuracy(class=7)</c>.
/// </summary>
public sealed record MetricId(string Family, string Metric, string Scope)
{
    /// <summary>The key baselines, suppressions and the gate match on: <c>family|metric|scope</c>.</summary>
    public string Key => $"{Family}|{Metric}|{Scope}";

    /// <summary><c>metric(scope)</c>, or the metric alone when it has no scope.</summary>
    public string Display => Scope.Length == 0 ? Metric : $"{Metric}({Scope})";

    public override string ToString() => Display;
}
