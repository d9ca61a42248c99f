namespace InterpAudit.Information;

/// <summary>
/// The model-comparison information <c>I(u;Y)</c> (spec step 5 with d = 1) of many copula-normalised
/// units at once, for any relabelling of the samples that keeps the class sizes: the fast path of the
/// permutation test. A unit's copula-normalised values never change, so neither do its total variance
/// or the bias terms (they depend only on N and the class sizes); a label permutation only changes
/// which samples each class sums over. Each evaluation therefore groups the sample indices by class
/// once and gathers per-class sums and sums of squares, instead of re-running the estimator.
/// </summary>
internal sealed class UnitLabelInformation
{
    private readonly IReadOnlyList<double[]> _units;
    private readonly double[][] _squares;
    private readonly int[] _classSizes;
    private readonly double[] _halfLogTotalVariance;
    private readonly double _biasBits;
    private readonly int[] _order;
    private readonly int[] _next;

    /// <param name="units">Copula-normalised, non-constant units, N samples each.</param>
    /// <param name="labels">The labels whose class sizes every later relabelling keeps.</param>
    public UnitLabelInformation(IReadOnlyList<double[]> units, IReadOnlyList<int> labels, int classCount)
    {
        _units = units;
        int n = labels.Count;
        _classSizes = new int[classCount];
        foreach (int label in labels) _classSizes[label]++;
        _squares = units.Select(u => u.Select(v => v * v).ToArray()).ToArray();
        _halfLogTotalVariance = units.Select(u => 0.5 * Math.Log(Variance(u.Sum(), u.Sum(v => v * v), n))).ToArray();
        double conditionalBias = 0;
        for (int c = 0; c < classCount; c++)
            if (_classSizes[c] > 0) conditionalBias += (double)_classSizes[c] / n * GaussianEntropy.BiasNats(_classSizes[c], 1);
        _biasBits = (GaussianEntropy.BiasNats(n, 1) - conditionalBias) / GaussianEntropy.Ln2;
        _order = new int[n];
        _next = new int[classCount];
    }

    public int UnitCount => _units.Count;

    /// <summary>Writes I(u;Y) in bits, bias-corrected, for every unit under <paramref name="labels"/>.</summary>
    public void Measure(IReadOnlyList<int> labels, Span<double> bits)
    {
        int classCount = _classSizes.Length, n = _order.Length;
        Array.Clear(_next);
        for (int s = 0; s < Math.Min(n, labels.Count); s++) _next[labels[s]]++;
        if (labels.Count != n || !_next.AsSpan().SequenceEqual(_classSizes))
            throw new ArgumentException("The relabelling changed the class sizes; a permutation of the labels keeps them.", nameof(labels));
        // Counting sort: _order lists the samples of class 0, then those of class 1, ...
        for (int c = 0, start = 0; c < classCount; c++)
        {
            _next[c] = start;
            start += _classSizes[c];
        }
        for (int s = 0; s < n; s++) _order[_next[labels[s]]++] = s;

        for (int u = 0; u < _units.Count; u++)
        {
            double[] values = _units[u], squares = _squares[u];
            double conditional = 0;
            int start = 0;
            for (int c = 0; c < classCount; c++)
            {
                int size = _classSizes[c];
                if (size == 0) continue;
                double sum = 0, sumOfSquares = 0;
                for (int i = start; i < start + size; i++)
                {
                    int sample = _order[i];
                    sum += values[sample];
                    sumOfSquares += squares[sample];
                }
                conditional += (double)size / n * 0.5 * Math.Log(Variance(sum, sumOfSquares, size));
                start += size;
            }
            bits[u] = (_halfLogTotalVariance[u] - conditional) / GaussianEntropy.Ln2 - _biasBits;
        }
    }

    /// <summary>Unbiased variance from a sum and a sum of squares (copula values are O(1), so this is stable).</summary>
    private static double Variance(double sum, double sumOfSquares, int count) =>
        (sumOfSquares - sum * sum / count) / (count - 1);
}
