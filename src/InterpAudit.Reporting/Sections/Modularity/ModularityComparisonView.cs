namespace InterpAudit.Reporting.Sections;

/// <summary>Clusterability across audits: a row per audit and clustered layer.</summary>
internal sealed record ModularityComparisonView(IReadOnlyList<ModularityComparisonView.Row> Rows)
{
    public sealed record Row(string Audit, string Layer, string Clusters, string Clusterability, string Normalized);
}
