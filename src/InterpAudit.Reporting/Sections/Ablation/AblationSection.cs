using System.Globalization;
using InterpAudit.Ablation;
using InterpAudit.Reporting.Csv;
using InterpAudit.Reporting.Images;
using InterpAudit.Results;

namespace InterpAudit.Reporting.Sections;

/// <summary>
/// The report's cluster ablation section: per ablated layer and per ablation kind, the cluster × class
/// Δ-accuracy heat map (drops red, gains blue, one colour scale for both kinds so they compare), and
/// per cluster S_c with its rank against random unit sets, the classes it owns and its collateral drop.
/// A map of more than <see cref="MaxLabelledClasses"/> classes or <see cref="MaxLabelledCells"/> cells is
/// one image no wider than <see cref="RasterWidth"/> with its values as a CSV download: at 100 classes the
/// labelled SVG was 4,700 px wide and 180 KB a layer and kind, and the table of its values 800 cells.
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

    /// <summary>The largest map drawn as labelled SVG cells: 20 classes are 1,016 px wide, within the page.</summary>
    internal const int MaxLabelledClasses = 20, MaxLabelledCells = 200;

    /// <summary>A raster map's largest width and height on the page, in CSS pixels.</summary>
    private const int RasterWidth = 640, RasterHeight = 320;

    private const string Drop = "#c44e52", Gain = "#4c72b0";

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
        if (classes > MaxLabelledClasses || classes * kind.Delta.Count > MaxLabelledCells) return Raster(layer, kind, scale);
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
                Fill: delta < 0 ? Drop : Gain,
                Opacity: Opacity(delta, scale).ToString("0.##", CultureInfo.InvariantCulture),
                Value: double.IsNaN(delta) ? "—" : delta.ToString("+0.00;−0.00;0", CultureInfo.InvariantCulture),
                Title: $"cluster {c}, class {layer.ClassNames[y]}: Δ = {(double.IsNaN(delta) ? "NaN" : delta.ToString("+0.0000;−0.0000;0", CultureInfo.InvariantCulture))}"))).ToArray(),
            Image: null,
            Deltas: null,
            Values: null);
    }

    /// <summary>
    /// A large map: clusters down, classes across, a pixel per cell in the SVG map's colours over white,
    /// each cell shown at most 46 × 22 px and the whole at most <see cref="RasterWidth"/> ×
    /// <see cref="RasterHeight"/> (a pixel a cell, past 640 classes or 320 clusters); every Δ in a table
    /// (a row per class, which keeps it narrow for print).
    /// </summary>
    private static AblationView.Kind Raster(ClusterAblationResult layer, AblationKindResult kind, double scale)
    {
        int classes = layer.ClassNames.Count, clusters = kind.Delta.Count;
        int cellWidth = Math.Clamp(RasterWidth / Math.Max(1, classes), 1, (int)CellWidth), cellHeight = Math.Clamp(RasterHeight / Math.Max(1, clusters), 1, (int)CellHeight);
        Rgb drop = Rgb.Parse(Drop), gain = Rgb.Parse(Gain);
        return new AblationView.Kind(
            Name: kind.Kind == AblationKind.Zero ? "zero" : "mean",
            MeanSpecialization: Fraction(kind.MeanSpecialization),
            RandomSpecialization: Fraction(kind.RandomMeanSpecialization),
            Collateral: Fraction(kind.MaxCollateralDrop),
            Width: Svg.Px(classes * cellWidth),
            Height: Svg.Px(clusters * cellHeight),
            Columns: [],
            RowLabels: [],
            Cells: [],
            Image: classes == 0 || clusters == 0 ? null : ShadedGrid.DataUri(classes, clusters, (y, c) =>
            {
                double delta = kind.Delta[c][y];
                // Rounded as the SVG cells print their opacity (0 to 0.8): at most 80 shades of each hue and white.
                return (delta < 0 ? drop : gain).OverWhite(Math.Round(Opacity(delta, scale), 2));
            }),
            Deltas: new AblationView.DeltaTable(
                Enumerable.Range(0, clusters).Select(c => $"cluster {c}").ToArray(),
                layer.ClassNames.Select((name, y) => new AblationView.DeltaRow(name,
                    kind.Delta.Select(row => double.IsNaN(row[y]) ? "—" : row[y].ToString("+0.00;−0.00;0", CultureInfo.InvariantCulture)).ToArray())).ToArray()),
            Values: Values(layer, kind));
    }

    /// <summary>Every Δ round-trip exact (as metrics.json has it), an empty field for NaN.</summary>
    private static AblationView.ValuesFile Values(ClusterAblationResult layer, AblationKindResult kind)
    {
        string name = kind.Kind == AblationKind.Zero ? "zero" : "mean";
        var csv = new CsvTable(Enumerable.Range(0, kind.Delta.Count).Select(c => $"cluster {c}").Prepend("class"));
        for (int y = 0; y < layer.ClassNames.Count; y++)
            csv.Add(layer.ClassNames[y], kind.Delta.Select(row => double.IsNaN(row[y]) ? "" : row[y].ToString("R", CultureInfo.InvariantCulture)));
        string file = $"ablation-{string.Concat(layer.Layer.Select(ch => char.IsAsciiLetterOrDigit(ch) || ch is '.' or '-' ? ch : '_'))}-{name}.csv";
        return new AblationView.ValuesFile(file, csv.DataUri(), layer.ClassNames.Count, kind.Delta.Count);
    }

    /// <summary>A cell's fill opacity: |Δ| on the layer's one scale, the largest at <see cref="MaxOpacity"/>; none for NaN.</summary>
    private static double Opacity(double delta, double scale) => double.IsNaN(delta) || scale == 0 ? 0 : MaxOpacity * Math.Abs(delta) / scale;

    private static AblationView.ClusterFigures Cluster(ClusterAblationResult layer, AblationKindResult kind, int c) => new(
        Specialization: Fraction(kind.Specialization[c]),
        Percentile: Fraction(kind.Percentile[c]),
        Owns: string.Join(", ", Enumerable.Range(0, kind.Owners.Count).Where(y => kind.Owners[y] == c).Select(y => layer.ClassNames[y])) is { Length: > 0 } owned ? owned : "—",
        Collateral: Fraction(kind.CollateralDrops[c]));

    private static string Fraction(double value) => double.IsNaN(value) ? "NaN" : value.ToString("0.000", CultureInfo.InvariantCulture);
}
