using System.Text.Json;
using static InterpAudit.Reporting.MetricsJsonReader;

namespace InterpAudit.Reporting.Sections;

/// <summary>index.html's specialisation table: each audit's mean S per ablated layer against random unit sets.</summary>
internal sealed class AblationComparison : ComparisonSection<AblationComparisonView>
{
    public override string Name => "ablation";

    public override int Order => 20;

    public override AblationComparisonView? Build(IReadOnlyList<ComparisonPage.Audit> audits)
    {
        AblationComparisonView.Row[] rows = ComparisonPage.Measurements(audits, typeof(AblationCheckAttribute)).Select(m =>
        {
            JsonElement mean = Required(m.Value, "mean", JsonValueKind.Object);
            return new AblationComparisonView.Row(m.Audit, Text(m.Value, "layer"), "mean",
                Formatting.Number(Number(mean, "meanSpecialization")),
                Formatting.Number(Number(mean, "randomMeanSpecialization")),
                Formatting.Number(Number(mean, "maxCollateralDrop")));
        }).ToArray();
        return rows.Length == 0 ? null : new AblationComparisonView(rows);
    }
}
