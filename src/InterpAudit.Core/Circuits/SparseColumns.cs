namespace InterpAudit.Circuits;

/// <summary>
/// The non-zero entries of each column of a sample-major activation matrix (compressed by column):
/// the samples a weight from that input unit can affect at all.
/// </summary>
internal sealed class SparseColumns
{
    private readonly int[] _start;
    private readonly int[] _samples;
    private readonly double[] _values;

    private SparseColumns(int[] start, int[] samples, double[] values)
    {
        _start = start;
        _samples = samples;
        _values = values;
    }

    public ReadOnlySpan<int> Samples(int column) => _samples.AsSpan(_start[column], _start[column + 1] - _start[column]);

    public ReadOnlySpan<double> Values(int column) => _values.AsSpan(_start[column], _start[column + 1] - _start[column]);

    public static SparseColumns Of(double[] matrix, int rows, int columns)
    {
        var start = new int[columns + 1];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < columns; c++)
                if (matrix[r * columns + c] != 0) start[c + 1]++;
        for (int c = 0; c < columns; c++) start[c + 1] += start[c];
        var samples = new int[start[columns]];
        var values = new double[start[columns]];
        var next = (int[])start.Clone();
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < columns; c++)
            {
                double v = matrix[r * columns + c];
                if (v == 0) continue;
                samples[next[c]] = r;
                values[next[c]++] = v;
            }
        return new SparseColumns(start, samples, values);
    }
}
