using System.Globalization;
using InterpAudit.Information;
using InterpAudit.Results;

namespace InterpAudit.Reporting.Sections;

/// <summary>
/// The report's information section: I(T;Y) per layer with its interval (a bar chart in layer order),
/// each layer's most informative units, the two-layer decompositions with the sign labelled, and
/// the spec's plain-words caution.
/// </summary>
internal sealed class InformationSection : ReportSection<InformationView>
{
    private const int TopUnitsShown = 5;

    public override string Name => "information";

    public override int Order => 80;

    public override InformationView? Build(AuditResult result)
    {
        List<LayerInformationResult> layers = result.Measurements.Values.OfType<LayerInformationResult>().ToList();
        List<LayerRedundancyResult> pairs = result.Measurements.Values.OfType<LayerRedundancyResult>().ToList();
        if (layers.Count == 0 && pairs.Count == 0) return null;

        // The chart runs from 0 to H(Y), the ceiling of every layer figure, so a bar's length is its share.
        double entropy = layers.FirstOrDefault()?.LabelEntropyBits ?? double.NaN;
        double scale = Math.Max(1e-9, layers.Select(l => Math.Max(l.LabelBits, l.LabelBitsInterval.Upper)).Append(double.IsNaN(entropy) ? 0 : entropy).Max());
        const double barArea = 360;
        const int rowHeight = 22;
        return new InformationView(
            Caution: InformationCaution.Text,
            AnyAboveEntropy: layers.Any(l => l.ExceedsLabelEntropy),
            LabelEntropy: Bits(entropy),
            EntropyX: Svg.Px(120 + (double.IsNaN(entropy) ? 0 : entropy) / scale * barArea),
            ChartWidth: 120 + (int)barArea + 90,
            ChartHeight: layers.Count * rowHeight + 6,
            Bars: layers.Select((l, i) => new InformationView.Bar(
                Name: l.Layer,
                Value: Bits(l.LabelBits),
                Y: i * rowHeight + 3,
                MidY: i * rowHeight + 11,
                TextY: i * rowHeight + 15,
                Width: Svg.Px(Math.Max(0, l.LabelBits) / scale * barArea),
                LowerX: Svg.Px(120 + Math.Max(0, l.LabelBitsInterval.Lower) / scale * barArea),
                UpperX: Svg.Px(120 + Math.Max(0, l.LabelBitsInterval.Upper) / scale * barArea),
                LabelX: Svg.Px(120 + barArea + 8))).ToArray(),
            Layers: layers.Select(l => new InformationView.Layer(
                Name: l.Layer,
                Bits: Bits(l.LabelBits),
                Interval: Formatting.Interval(l.LabelBitsInterval),
                Share: Percent(l.LabelEntropyShare),
                ShareInterval: $"[{Percent(l.LabelEntropyShareInterval.Lower)}, {Percent(l.LabelEntropyShareInterval.Upper)}]",
                ModelComparison: Bits(l.ModelComparisonBits),
                Components: l.Components,
                Samples: l.SampleCount,
                MinClass: l.MinClassCount,
                Significant: $"{l.SignificantUnitCount} of {l.UnitCount} ({l.SignificantUnitFraction.ToString("P0", CultureInfo.InvariantCulture)})",
                Constant: l.ConstantUnitCount,
                MaxTies: l.MaxTieFraction.ToString("P0", CultureInfo.InvariantCulture),
                TopUnits: string.Join(", ", l.TopUnits.Take(TopUnitsShown).Select(u => $"#{u.Unit} {Bits(u.Bits)} (p {u.PValue.ToString("0.###", CultureInfo.InvariantCulture)})")))).ToArray(),
            Pairs: pairs.Select(p => new InformationView.Pair(
                Layers: $"{p.LayerA} + {p.LayerB}",
                A: Bits(p.Decomposition.InformationA),
                B: Bits(p.Decomposition.InformationB),
                Joint: Bits(p.Decomposition.InformationJoint),
                CoInformation: $"{p.Decomposition.CoInformation.ToString("+0.000;-0.000", CultureInfo.InvariantCulture)} ({p.Decomposition.CoInformationSign})",
                Interval: Formatting.Interval(p.CoInformationInterval),
                Redundancy: Bits(p.Decomposition.Redundancy),
                UniqueA: Bits(p.Decomposition.UniqueA),
                UniqueB: Bits(p.Decomposition.UniqueB),
                Synergy: Bits(p.Decomposition.Synergy))).ToArray());
    }

    private static string Percent(double share) => double.IsNaN(share) ? "NaN" : share.ToString("P1", CultureInfo.InvariantCulture);

    private static string Bits(double value) => double.IsNaN(value) ? "NaN" : value.ToString("0.000", CultureInfo.InvariantCulture);
}
