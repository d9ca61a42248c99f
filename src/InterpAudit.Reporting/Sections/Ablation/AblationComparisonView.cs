namespace InterpAudit.Reporting.Sections;

/// <summary>Cluster specialisation across audits: a row per audit and ablated layer (mean ablation).</summary>
internal sealed record AblationComparisonView(IReadOnlyList<AblationComparisonView.Row> Rows)
{
    public sealed record Row(string Audit, string Layer, string Kind, string Specialization, string Random, string Collateral);
}
