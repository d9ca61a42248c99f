using System.Globalization;
using InterpAudit.Modularity;
using InterpAudit.Reporting.Images;
using InterpAudit.Results;

namespace InterpAudit.Reporting.Sections;

/// <summary>
/// The report's modularity section: per clustered layer, clusterability against its shuffle null,
/// the normalised figure and Q_B, and the layer's |W| with rows (outputs) and columns (inputs)
/// ordered by co-cluster — a modular layer shows dark diagonal blocks. The map is one image of at most
/// 64 × 64 pixels (<see cref="BlockOrderedWeights.MaxGridSize"/>), whatever the layer's size, so twenty
/// layers add kilobytes, not the megabytes a rectangle per cell took; the table of block means behind
/// it says in text what the picture shows.
/// </summary>
internal sealed class ModularitySection : ReportSection<ModularityView>
{
    private const double Cell = 4;

    /// <summary>The SVG heat map's ink (report.css's --ink), drawn at opacity |w| / max |w| over white.</summary>
    private static readonly Rgb Ink = Rgb.Parse("#1f2328");

    public override string Name => "modularity";

    public override int Order => 50;

    public override ModularityView? Build(AuditResult result)
    {
        List<LayerModularityResult> layers = result.Measurements.Values.OfType<LayerModularityResult>().ToList();
        if (layers.Count == 0) return null;
        return new ModularityView(layers.Select(l =>
        {
            BlockOrderedWeights order = l.BlockOrder;
            int rows = order.Grid.Count, columns = rows == 0 ? 0 : order.Grid[0].Count;
            double max = order.Grid.SelectMany(r => r).DefaultIfEmpty(0).Max();
            return new ModularityView.Layer(
                Name: l.Layer,
                Shape: $"{l.Outputs} × {l.Inputs}",
                Clusters: l.Options.Clusters,
                Clusterability: Fraction(l.Clusterability),
                NullMean: $"{Fraction(l.Null.Mean)} ± {Fraction(l.Null.StandardDeviation)}",
                Normalized: Fraction(l.NormalizedClusterability),
                Modularity: Fraction(l.BipartiteModularity),
                Dead: l.DeadOutputs.Count + l.DeadInputs.Count,
                Width: Svg.Px(columns * Cell),
                Height: Svg.Px(rows * Cell),
                Image: rows == 0 || columns == 0 ? null : ShadedGrid.DataUri(columns, rows, (c, r) => Ink.OverWhite(Opacity(order.Grid[r][c], max))),
                Boundaries: Boundaries(order.OutputBlockSizes, l.Outputs, rows, vertical: false, columns * Cell)
                    .Concat(Boundaries(order.InputBlockSizes, l.Inputs, columns, vertical: true, rows * Cell)).ToArray(),
                Blocks: BlockMeans(order, l.Outputs, l.Inputs));
        }).ToArray());
    }

    /// <summary>Lines between co-clusters, scaled from unit counts to grid cells.</summary>
    private static IEnumerable<ModularityView.Line> Boundaries(IReadOnlyList<int> blockSizes, int units, int cells, bool vertical, double length)
    {
        int running = 0;
        foreach (int size in blockSizes.Take(Math.Max(0, blockSizes.Count - 1)))
        {
            running += size;
            string at = Svg.Px(units == 0 ? 0 : running * (double)cells / units * Cell);
            yield return vertical
                ? new ModularityView.Line(X1: at, X2: at, Y1: "0", Y2: Svg.Px(length))
                : new ModularityView.Line(X1: "0", X2: Svg.Px(length), Y1: at, Y2: at);
        }
    }

    /// <summary>A cell's shade to two decimals, as the SVG map wrote its fill-opacity: at most 101 shades, one palette; a cell without a value stays white.</summary>
    private static double Opacity(double weight, double max) => max > 0 && double.IsFinite(weight) ? Math.Round(Math.Clamp(weight / max, 0, 1), 2) : 0;

    /// <summary>
    /// Mean |W| per (output group, input group), from the grid: a grid cell holds the mean over the units
    /// it covers, so each cell counts in a block by how many of its units lie there. With at most 64
    /// units a side every cell is one unit and the means are exact; otherwise a cell that straddles a
    /// boundary lends its mean to both sides. Dead units (after the last group) are left out.
    /// </summary>
    private static ModularityView.BlockTable BlockMeans(BlockOrderedWeights order, int outputs, int inputs)
    {
        int rows = order.Grid.Count, columns = rows == 0 ? 0 : order.Grid[0].Count;
        double[,] rowOverlap = Overlaps(order.OutputBlockSizes, outputs, rows), columnOverlap = Overlaps(order.InputBlockSizes, inputs, columns);
        var table = new List<ModularityView.BlockRow>();
        for (int a = 0; a < order.OutputBlockSizes.Count; a++)
        {
            var values = new string[order.InputBlockSizes.Count];
            for (int b = 0; b < values.Length; b++)
            {
                double sum = 0;
                for (int r = 0; r < rows; r++)
                    for (int c = 0; c < columns; c++)
                        sum += order.Grid[r][c] * rowOverlap[r, a] * columnOverlap[c, b];
                int units = order.OutputBlockSizes[a] * order.InputBlockSizes[b];
                values[b] = units == 0 ? "—" : (sum / units).ToString("G3", CultureInfo.InvariantCulture);
            }
            table.Add(new ModularityView.BlockRow(Group(a), values));
        }
        return new ModularityView.BlockTable(Enumerable.Range(0, order.InputBlockSizes.Count).Select(Group).ToArray(), table,
            Exact: rows == outputs && columns == inputs);
    }

    /// <summary>[cell, group]: how many of the units grid cell <c>cell</c> covers (⌊cell·n/cells⌋ … ⌊(cell+1)·n/cells⌋ − 1 in display order) lie in the group.</summary>
    private static double[,] Overlaps(IReadOnlyList<int> blockSizes, int units, int cells)
    {
        var overlap = new double[cells, blockSizes.Count];
        for (int cell = 0; cell < cells; cell++)
        {
            int from = cell * units / cells, to = (cell + 1) * units / cells, start = 0;
            for (int g = 0; g < blockSizes.Count; start += blockSizes[g], g++)
                overlap[cell, g] = Math.Max(0, Math.Min(to, start + blockSizes[g]) - Math.Max(from, start));
        }
        return overlap;
    }

    private static string Group(int index) => "group " + index.ToString(CultureInfo.InvariantCulture);

    private static string Fraction(double value) => double.IsNaN(value) ? "NaN" : value.ToString("0.000", CultureInfo.InvariantCulture);
}
