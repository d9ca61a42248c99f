using System.Globalization;
using InterpAudit.Ablation;
using InterpAudit.Results;

namespace InterpAudit.Reporting.Sections;

/// <summary>
/// The report's cluster ablation section: per ablated layer and per ablation kind, the cluster × class
/// Δ-accuracy heat map (drops red, gains blue, one colour scale for both kinds so they compare), and
/// per cluster S_c with its rank against random unit sets, the classes it owns and its collateral drop.
/// </summary>
internal sealed class AblationSection : ReportSection<AblationView>
{
    private const double CellWidth = 46, CellHeight = 22, LabelWidth = 96, HeaderHeight = 20;

    /// <summary>
    /// The strongest cell's fill opacity. The cells' labels are the page's ink (#1f2328); over white, the
    /// red and blue fills at 0.8 leave a contrast of 4.75:1 and 4.76:1, above WCAG's 4.5:1 for text
    /// (at full opacity it would be 3.4:1). The scale stays proportional below it.
    /// </summary>
    internal const double MaxOpacity = 0.8;

    public override string Name => "ablation";

    public override int Order => 60;

    public override AblationView? Build(AuditResult result)
    {
        List<ClusterAblationResult> layers = result.Measurements.Values.OfType<ClusterAblationResult>().ToList();
        if (layers.Count == 0) return null;
        return new AblationView(layers.Select(l =>
        {
            double scale = new[] { l.Zero, l.Mean }.SelectMany(k => k.Delta).SelectMany(r => r)
                .Where(d => !double.IsNaN(d)).Select(Math.Abs).DefaultIfEmpty(0).Max();
            return new AblationView.Layer(
                Name: l.Layer,
                Clusters: l.Clusters.Count,
                Units: l.Units,
                RandomSets: l.Options.RandomSets,
                Source: l.ClusterSource,
                Kinds: new[] { l.Zero, l.Mean }.Select(k => Kind(l, k, scale)).ToArray(),
                Rows: l.Clusters.Select((units, c) => new AblationView.Row(c, units.Count, Cluster(l, l.Zero, c), Cluster(l, l.Mean, c))).ToArray());
        }).ToArray());
    }

    private static AblationView.Kind Kind(ClusterAblationResult layer, AblationKindResult kind, double scale)
    {
        int classes = layer.ClassNames.Count;
        double width = LabelWidth + classes * CellWidth, height = HeaderHeight + kind.Delta.Count * CellHeight;
        return new AblationView.Kind(
            Name: kind.Kind == AblationKind.Zero ? "zero" : "mean",
            MeanSpecialization: Fraction(kind.MeanSpecialization),
            RandomSpecialization: Fraction(kind.RandomMeanSpecialization),
            Collateral: Fraction(kind.MaxCollateralDrop),
            Width: Svg.Px(width),
            Height: Svg.Px(height),
            Columns: layer.ClassNames.Select((name, y) => new AblationView.Column(name, Svg.Px(LabelWidth + (y + 0.5) * CellWidth))).ToArray(),
            RowLabels: kind.Delta.Select((_, c) => new AblationView.RowLabel($"cluster {c}", Svg.Px(HeaderHeight + c * CellHeight + 15))).ToArray(),
            Cells: kind.Delta.SelectMany((row, c) => row.Select((delta, y) => new AblationView.Cell(
                X: Svg.Px(LabelWidth + y * CellWidth),
                Y: Svg.Px(HeaderHeight + c * CellHeight),
                TextX: Svg.Px(LabelWidth + (y + 0.5) * CellWidth),
                TextY: Svg.Px(HeaderHeight + c * CellHeight + 15),
                Fill: delta < 0 ? "#c44e52" : "#4c72b0",
                Opacity: (double.IsNaN(delta) || scale == 0 ? 0 : MaxOpacity * Math.Abs(delta) / scale).ToString("0.##", CultureInfo.InvariantCulture),
                Value: double.IsNaN(delta) ? "—" : delta.ToString("+0.00;−0.00;0", CultureInfo.InvariantCulture),
                Title: $"cluster {c}, class {layer.ClassNames[y]}: Δ = {(double.IsNaN(delta) ? "NaN" : delta.ToString("+0.0000;−0.0000;0", CultureInfo.InvariantCulture))}"))).ToArray());
    }

    private static AblationView.ClusterFigures Cluster(ClusterAblationResult layer, AblationKindResult kind, int c) => new(
        Specialization: Fraction(kind.Specialization[c]),
        Percentile: Fraction(kind.Percentile[c]),
        Owns: string.Join(", ", Enumerable.Range(0, kind.Owners.Count).Where(y => kind.Owners[y] == c).Select(y => layer.ClassNames[y])) is { Length: > 0 } owned ? owned : "—",
        Collateral: Fraction(kind.CollateralDrops[c]));

    private static string Fraction(double value) => double.IsNaN(value) ? "NaN" : value.ToString("0.000", CultureInfo.InvariantCulture);
}
