using System.Globalization;
using InterpAudit.Information;
using InterpAudit.Results;

namespace InterpAudit.Reporting.Sections;

/// <summary>
/// The report's information section: I(T;Y) per layer with its interval (a bar chart in layer order),
/// each layer's most informative units, the two-layer decompositions with the sign labelled, and
/// the spec's plain-words caution.
/// </summary>
internal static class InformationSection
{
    private const int TopUnitsShown = 5;

    public static object? Build(AuditResult result)
    {
        List<LayerInformationResult> layers = result.Measurements.Values.OfType<LayerInformationResult>().ToList();
        List<LayerRedundancyResult> pairs = result.Measurements.Values.OfType<LayerRedundancyResult>().ToList();
        if (layers.Count == 0 && pairs.Count == 0) return null;

        double scale = Math.Max(1e-9, layers.Select(l => Math.Max(l.LabelBits, l.LabelBitsInterval.Upper)).DefaultIfEmpty(1).Max());
        const double barArea = 360;
        const int rowHeight = 22;
        return new
        {
            caution = InformationCaution.Text,
            anyAboveEntropy = layers.Any(l => l.ExceedsLabelEntropy),
            labelEntropy = Bits(layers.FirstOrDefault()?.LabelEntropyBits ?? double.NaN),
            chartWidth = 120 + (int)barArea + 90,
            chartHeight = layers.Count * rowHeight + 6,
            bars = layers.Select((l, i) => new
            {
                name = l.Layer,
                value = Bits(l.LabelBits),
                y = i * rowHeight + 3,
                midY = i * rowHeight + 11,
                textY = i * rowHeight + 15,
                width = Svg.Px(Math.Max(0, l.LabelBits) / scale * barArea),
                lowerX = Svg.Px(120 + Math.Max(0, l.LabelBitsInterval.Lower) / scale * barArea),
                upperX = Svg.Px(120 + Math.Max(0, l.LabelBitsInterval.Upper) / scale * barArea),
                labelX = Svg.Px(120 + barArea + 8),
            }).ToArray(),
            layers = layers.Select(l => new
            {
                name = l.Layer,
                bits = Bits(l.LabelBits),
                interval = Formatting.Interval(l.LabelBitsInterval),
                components = l.Components,
                samples = l.SampleCount,
                minClass = l.MinClassCount,
                significant = $"{l.SignificantUnitCount} of {l.UnitCount} ({l.SignificantUnitFraction.ToString("P0", CultureInfo.InvariantCulture)})",
                constant = l.ConstantUnitCount,
                maxTies = l.MaxTieFraction.ToString("P0", CultureInfo.InvariantCulture),
                topUnits = string.Join(", ", l.TopUnits.Take(TopUnitsShown).Select(u => $"#{u.Unit} {Bits(u.Bits)} (p {u.PValue.ToString("0.###", CultureInfo.InvariantCulture)})")),
            }).ToArray(),
            pairs = pairs.Select(p => new
            {
                layers = $"{p.LayerA} + {p.LayerB}",
                a = Bits(p.Decomposition.InformationA),
                b = Bits(p.Decomposition.InformationB),
                joint = Bits(p.Decomposition.InformationJoint),
                coInformation = $"{p.Decomposition.CoInformation.ToString("+0.000;-0.000", CultureInfo.InvariantCulture)} ({p.Decomposition.CoInformationSign})",
                interval = Formatting.Interval(p.CoInformationInterval),
                redundancy = Bits(p.Decomposition.Redundancy),
                uniqueA = Bits(p.Decomposition.UniqueA),
                uniqueB = Bits(p.Decomposition.UniqueB),
                synergy = Bits(p.Decomposition.Synergy),
            }).ToArray(),
        };
    }

    private static string Bits(double value) => double.IsNaN(value) ? "NaN" : value.ToString("0.000", CultureInfo.InvariantCulture);
}
