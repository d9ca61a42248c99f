using System.Globalization;

namespace InterpAudit.Modularity;

/// <summary>
/// A compact picture of |W| with its units sorted by co-cluster, so a report can draw the block
/// structure as a heat map without the whole matrix. Units are ordered co-cluster 0 first, …,
/// co-cluster k−1, then dead units; within a co-cluster by index. <see cref="Grid"/> downsamples the
/// block-ordered |W| to at most <see cref="MaxGridSize"/> × <see cref="MaxGridSize"/> cells: grid row
/// r averages the ordered outputs ⌊r·n/R⌋ … ⌊(r+1)·n/R⌋ − 1 (n outputs, R grid rows), and likewise for
/// columns, so a cell can straddle a block boundary when a side has more than 64 units. Cells keep
/// four significant digits: enough for a colour scale, and a third off the size of metrics.json.
/// </summary>
/// <param name="OutputOrder">Output unit indices in display order.</param>
/// <param name="InputOrder">Input unit indices in display order.</param>
/// <param name="OutputBlockSizes">Output units per co-cluster (dead units follow the last block).</param>
/// <param name="InputBlockSizes">Input units per co-cluster.</param>
/// <param name="Grid">Mean |W| (L1 over the kernel for a convolution) per cell, row-major.</param>
public sealed record BlockOrderedWeights(
    IReadOnlyList<int> OutputOrder,
    IReadOnlyList<int> InputOrder,
    IReadOnlyList<int> OutputBlockSizes,
    IReadOnlyList<int> InputBlockSizes,
    IReadOnlyList<IReadOnlyList<double>> Grid)
{
    public const int MaxGridSize = 64;

    public static BlockOrderedWeights Of(WeightGraph graph, Coclustering partition)
    {
        int[] outputOrder = Order(partition.OutputLabels, partition.Clusters);
        int[] inputOrder = Order(partition.InputLabels, partition.Clusters);
        int gridRows = Math.Min(MaxGridSize, graph.Outputs), gridColumns = Math.Min(MaxGridSize, graph.Inputs);
        var grid = new IReadOnlyList<double>[gridRows];
        for (int r = 0; r < gridRows; r++)
        {
            int rowStart = r * graph.Outputs / gridRows, rowEnd = (r + 1) * graph.Outputs / gridRows;
            var cells = new double[gridColumns];
            for (int c = 0; c < gridColumns; c++)
            {
                int columnStart = c * graph.Inputs / gridColumns, columnEnd = (c + 1) * graph.Inputs / gridColumns;
                double sum = 0;
                for (int i = rowStart; i < rowEnd; i++)
                    for (int j = columnStart; j < columnEnd; j++)
                        sum += graph.Strength(outputOrder[i], inputOrder[j]);
                cells[c] = FourSignificantDigits(sum / ((rowEnd - rowStart) * (columnEnd - columnStart)));
            }
            grid[r] = cells;
        }
        return new BlockOrderedWeights(outputOrder, inputOrder,
            BlockSizes(partition.OutputLabels, partition.Clusters), BlockSizes(partition.InputLabels, partition.Clusters), grid);
    }

    private static double FourSignificantDigits(double x) =>
        x == 0 ? 0 : double.Parse(x.ToString("G4", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static int[] Order(IReadOnlyList<int> labels, int clusters) =>
        Enumerable.Range(0, labels.Count)
            .OrderBy(i => labels[i] == Coclustering.Dead ? clusters : labels[i])
            .ThenBy(i => i)
            .ToArray();

    private static int[] BlockSizes(IReadOnlyList<int> labels, int clusters) =>
        Enumerable.Range(0, clusters).Select(c => labels.Count(l => l == c)).ToArray();
}
