using System.Globalization;
using InterpAudit.Modularity;
using InterpAudit.Results;

namespace InterpAudit.Reporting.Sections;

/// <summary>
/// The report's modularity section: per clustered layer, clusterability against its shuffle null,
/// the normalised figure and Q_B, and the layer's |W| with rows (outputs) and columns (inputs)
/// ordered by co-cluster — a modular layer shows dark diagonal blocks.
/// </summary>
internal static class ModularitySection
{
    private const double Cell = 4;

    public static object? Build(AuditResult result)
    {
        List<LayerModularityResult> layers = result.Measurements.Values.OfType<LayerModularityResult>().ToList();
        if (layers.Count == 0) return null;
        return new
        {
            layers = layers.Select(l =>
            {
                BlockOrderedWeights order = l.BlockOrder;
                int rows = order.Grid.Count, columns = rows == 0 ? 0 : order.Grid[0].Count;
                double max = order.Grid.SelectMany(r => r).DefaultIfEmpty(0).Max();
                return new
                {
                    name = l.Layer,
                    shape = $"{l.Outputs} × {l.Inputs}",
                    clusters = l.Options.Clusters,
                    clusterability = Fraction(l.Clusterability),
                    nullMean = $"{Fraction(l.Null.Mean)} ± {Fraction(l.Null.StandardDeviation)}",
                    normalized = Fraction(l.NormalizedClusterability),
                    modularity = Fraction(l.BipartiteModularity),
                    dead = l.DeadOutputs.Count + l.DeadInputs.Count,
                    width = Svg.Px(columns * Cell),
                    height = Svg.Px(rows * Cell),
                    cells = Enumerable.Range(0, rows).SelectMany(r => Enumerable.Range(0, columns).Select(c => (object)new
                    {
                        x = Svg.Px(c * Cell),
                        y = Svg.Px(r * Cell),
                        opacity = (max > 0 ? order.Grid[r][c] / max : 0).ToString("0.##", CultureInfo.InvariantCulture),
                    })).ToArray(),
                    boundaries = Boundaries(order.OutputBlockSizes, l.Outputs, rows, vertical: false, columns * Cell)
                        .Concat(Boundaries(order.InputBlockSizes, l.Inputs, columns, vertical: true, rows * Cell)).ToArray(),
                };
            }).ToArray(),
        };
    }

    /// <summary>Lines between co-clusters, scaled from unit counts to grid cells.</summary>
    private static IEnumerable<object> Boundaries(IReadOnlyList<int> blockSizes, int units, int cells, bool vertical, double length)
    {
        int running = 0;
        foreach (int size in blockSizes.Take(Math.Max(0, blockSizes.Count - 1)))
        {
            running += size;
            string at = Svg.Px(units == 0 ? 0 : running * (double)cells / units * Cell);
            yield return vertical
                ? new { x1 = at, x2 = at, y1 = "0", y2 = Svg.Px(length) }
                : new { x1 = "0", x2 = Svg.Px(length), y1 = at, y2 = at };
        }
    }

    private static string Fraction(double value) => double.IsNaN(value) ? "NaN" : value.ToString("0.000", CultureInfo.InvariantCulture);
}
