using static InterpAudit.Reporting.MetricsJsonReader;

namespace InterpAudit.Reporting.Sections;

/// <summary>index.html's clusterability table: each audit's C and C̃ per clustered layer.</summary>
internal sealed class ModularityComparison : ComparisonSection<ModularityComparisonView>
{
    public override string Name => "modularity";

    public override int Order => 30;

    public override ModularityComparisonView? Build(IReadOnlyList<ComparisonPage.Audit> audits)
    {
        ModularityComparisonView.Row[] rows = ComparisonPage.Measurements(audits, typeof(ModularityCheckAttribute)).Select(m => new ModularityComparisonView.Row(
            m.Audit, Text(m.Value, "layer"), m.Id.Option("k") ?? "",
            Formatting.Number(Number(m.Value, "clusterability")),
            Formatting.Number(Number(m.Value, "normalizedClusterability")))).ToArray();
        return rows.Length == 0 ? null : new ModularityComparisonView(rows);
    }
}
