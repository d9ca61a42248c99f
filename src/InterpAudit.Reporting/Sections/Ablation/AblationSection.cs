using System.Globalization;
using InterpAudit.Ablation;
using InterpAudit.Results;

namespace InterpAudit.Reporting.Sections;

/// <summary>
/// The report's cluster ablation section: per ablated layer and per ablation kind, the cluster × class
/// Δ-accuracy heat map (drops red, gains blue, one colour scale for both kinds so they compare), and
/// per cluster S_c with its rank against random unit sets, the classes it owns and its collateral drop.
/// </summary>
internal static class AblationSection
{
    private const double CellWidth = 46, CellHeight = 22, LabelWidth = 96, HeaderHeight = 20;

    public static object? Build(AuditResult result)
    {
        List<ClusterAblationResult> layers = result.Measurements.Values.OfType<ClusterAblationResult>().ToList();
        if (layers.Count == 0) return null;
        return new
        {
            layers = layers.Select(l =>
            {
                double scale = new[] { l.Zero, l.Mean }.SelectMany(k => k.Delta).SelectMany(r => r)
                    .Where(d => !double.IsNaN(d)).Select(Math.Abs).DefaultIfEmpty(0).Max();
                return new
                {
                    name = l.Layer,
                    clusters = l.Clusters.Count,
                    units = l.Units,
                    randomSets = l.Options.RandomSets,
                    source = l.ClusterSource,
                    kinds = new[] { l.Zero, l.Mean }.Select(k => Kind(l, k, scale)).ToArray(),
                    rows = l.Clusters.Select((units, c) => new
                    {
                        cluster = c,
                        units = units.Count,
                        zero = Cluster(l, l.Zero, c),
                        mean = Cluster(l, l.Mean, c),
                    }).ToArray(),
                };
            }).ToArray(),
        };
    }

    private static object Kind(ClusterAblationResult layer, AblationKindResult kind, double scale)
    {
        int classes = layer.ClassNames.Count;
        double width = LabelWidth + classes * CellWidth, height = HeaderHeight + kind.Delta.Count * CellHeight;
        return new
        {
            kind = kind.Kind == AblationKind.Zero ? "zero" : "mean",
            meanSpecialization = Fraction(kind.MeanSpecialization),
            randomSpecialization = Fraction(kind.RandomMeanSpecialization),
            collateral = Fraction(kind.MaxCollateralDrop),
            width = Svg.Px(width),
            height = Svg.Px(height),
            columns = layer.ClassNames.Select((name, y) => new { name, x = Svg.Px(LabelWidth + (y + 0.5) * CellWidth) }).ToArray(),
            rowLabels = kind.Delta.Select((_, c) => new { label = $"cluster {c}", y = Svg.Px(HeaderHeight + c * CellHeight + 15) }).ToArray(),
            cells = kind.Delta.SelectMany((row, c) => row.Select((delta, y) => (object)new
            {
                x = Svg.Px(LabelWidth + y * CellWidth),
                y = Svg.Px(HeaderHeight + c * CellHeight),
                textX = Svg.Px(LabelWidth + (y + 0.5) * CellWidth),
                textY = Svg.Px(HeaderHeight + c * CellHeight + 15),
                fill = delta < 0 ? "#c44e52" : "#4c72b0",
                opacity = (double.IsNaN(delta) || scale == 0 ? 0 : Math.Abs(delta) / scale).ToString("0.##", CultureInfo.InvariantCulture),
                value = double.IsNaN(delta) ? "—" : delta.ToString("+0.00;−0.00;0", CultureInfo.InvariantCulture),
                title = $"cluster {c}, class {layer.ClassNames[y]}: Δ = {(double.IsNaN(delta) ? "NaN" : delta.ToString("+0.0000;−0.0000;0", CultureInfo.InvariantCulture))}",
            })).ToArray(),
        };
    }

    private static object Cluster(ClusterAblationResult layer, AblationKindResult kind, int c) => new
    {
        specialization = Fraction(kind.Specialization[c]),
        percentile = Fraction(kind.Percentile[c]),
        owns = string.Join(", ", Enumerable.Range(0, kind.Owners.Count).Where(y => kind.Owners[y] == c).Select(y => layer.ClassNames[y])) is { Length: > 0 } owned ? owned : "—",
        collateral = Fraction(kind.CollateralDrops[c]),
    };

    private static string Fraction(double value) => double.IsNaN(value) ? "NaN" : value.ToString("0.000", CultureInfo.InvariantCulture);
}
