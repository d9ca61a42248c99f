using System.Numerics;

namespace InterpAudit.Circuits;

/// <summary>
/// The few float64 vector operations the pruning passes and the information bootstrap run millions of
/// times. None reorders a sum by the machine's vector width (Axpy works element by element, Sum in
/// index order), so their results are the same on every processor.
/// </summary>
internal static class DenseKernels
{
    /// <summary>y += alpha · x.</summary>
    public static void Axpy(Span<double> y, double alpha, ReadOnlySpan<double> x)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated && y.Length >= Vector<double>.Count)
        {
            var a = new Vector<double>(alpha);
            for (; i <= y.Length - Vector<double>.Count; i += Vector<double>.Count)
                (new Vector<double>(y[i..]) + a * new Vector<double>(x[i..])).CopyTo(y[i..]);
        }
        for (; i < y.Length; i++) y[i] += alpha * x[i];
    }

    /// <summary>The <c>[columns, rows]</c> transpose of a row-major <c>[rows, columns]</c> matrix.</summary>
    public static double[] Transpose(double[] matrix, int rows, int columns)
    {
        var t = new double[matrix.Length];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < columns; c++)
                t[c * rows + r] = matrix[r * columns + c];
        return t;
    }

    /// <summary>Cross-entropy −log softmax(logits)[label], through the max-shifted log-sum-exp.</summary>
    public static double CrossEntropy(ReadOnlySpan<double> logits, int label)
    {
        double max = double.NegativeInfinity;
        foreach (double z in logits) max = Math.Max(max, z);
        double sum = 0;
        foreach (double z in logits) sum += Math.Exp(z - max);
        return max + Math.Log(sum) - logits[label];
    }

    /// <summary>Sum in index order, so that every pass adds the same numbers the same way.</summary>
    public static double Sum(ReadOnlySpan<double> values)
    {
        double sum = 0;
        foreach (double v in values) sum += v;
        return sum;
    }
}
