using System.Globalization;
using InterpAudit.Modularity;
using InterpAudit.Results;

namespace InterpAudit.Reporting.Sections;

/// <summary>
/// The report's modularity section: per clustered layer, clusterability against its shuffle null,
/// the normalised figure and Q_B, and the layer's |W| with rows (outputs) and columns (inputs)
/// ordered by co-cluster — a modular layer shows dark diagonal blocks.
/// </summary>
internal sealed class ModularitySection : ReportSection<ModularityView>
{
    private const double Cell = 4;

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
                Cells: Enumerable.Range(0, rows).SelectMany(r => Enumerable.Range(0, columns).Select(c => new ModularityView.Cell(
                    X: Svg.Px(c * Cell),
                    Y: Svg.Px(r * Cell),
                    Opacity: (max > 0 ? order.Grid[r][c] / max : 0).ToString("0.##", CultureInfo.InvariantCulture)))).ToArray(),
                Boundaries: Boundaries(order.OutputBlockSizes, l.Outputs, rows, vertical: false, columns * Cell)
                    .Concat(Boundaries(order.InputBlockSizes, l.Inputs, columns, vertical: true, rows * Cell)).ToArray());
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

    private static string Fraction(double value) => double.IsNaN(value) ? "NaN" : value.ToString("0.000", CultureInfo.InvariantCulture);
}
