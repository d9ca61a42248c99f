using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;
using InterpAudit.Circuits;

namespace InterpAudit.Information;

/// <summary>
/// Unsupervised PCA of a layer's copula-normalised units (spec mi.md, "What the audit reports"): the
/// Gaussian estimate needs more samples per class than dimensions (and about ten times as many to be
/// accurate), so a wide layer is reduced to its k leading directions of variance. The labels are not
/// used, so the reduction cannot manufacture label information.
/// </summary>
/// <remarks>
/// The bootstrap runs this once per resample (each redraws the ties), so the two products are written
/// out rather than left to MathNet's managed provider, which took 25 ms of the 35 ms per call on the
/// sample's 64 × 2,000 layers. Both are vectorised across independent outputs only — the covariance
/// across its columns, the scores across samples — so each entry is summed over the same terms in the
/// same order whatever the machine's vector width, and the result is the same on every processor.
/// </remarks>
internal static class PrincipalComponents
{
    /// <summary>The scores of the <paramref name="count"/> leading components, one row of N samples each.</summary>
    public static double[][] Project(IReadOnlyList<double[]> rows, int count)
    {
        if (count == 0 || rows.Count == 0) return [];
        int n = GaussianEntropy.SampleCount(rows), d = rows.Count;
        double[][] centred = rows.Select(Centre).ToArray();
        var eigen = DenseMatrix.OfArray(Covariance(centred, n)).Evd(Symmetricity.Symmetric);
        int[] leading = Enumerable.Range(0, d)
            .OrderByDescending(i => eigen.EigenValues[i].Real)
            .ThenBy(i => i)
            .Take(count)
            .ToArray();
        var scores = new double[leading.Length][];
        for (int c = 0; c < leading.Length; c++)
        {
            Vector<double> direction = eigen.EigenVectors.Column(leading[c]);
            // An eigenvector's sign is arbitrary; fixing it (largest entry positive) makes the output
            // reproducible across linear-algebra back ends. The information does not depend on it.
            if (direction[direction.AbsoluteMaximumIndex()] < 0) direction = -direction;
            var score = new double[n];
            for (int i = 0; i < d; i++) DenseKernels.Axpy(score, direction[i], centred[i]);
            scores[c] = score;
        }
        return scores;
    }

    private static double[] Centre(double[] row)
    {
        double sum = 0;
        foreach (double v in row) sum += v;
        double mean = sum / row.Length;
        var centred = new double[row.Length];
        for (int s = 0; s < row.Length; s++) centred[s] = row[s] - mean;
        return centred;
    }

    /// <summary>The d × d sample covariance (N − 1) of centred rows, accumulated sample by sample.</summary>
    private static double[,] Covariance(double[][] centred, int n)
    {
        int d = centred.Length;
        var sampleMajor = new double[n * d];
        for (int i = 0; i < d; i++)
            for (int s = 0; s < n; s++) sampleMajor[s * d + i] = centred[i][s];
        var sums = new double[d * d];
        for (int s = 0; s < n; s++)
        {
            ReadOnlySpan<double> x = sampleMajor.AsSpan(s * d, d);
            // Row i from its diagonal on: the upper triangle, mirrored below.
            for (int i = 0; i < d; i++) DenseKernels.Axpy(sums.AsSpan(i * d + i, d - i), x[i], x[i..]);
        }
        var covariance = new double[d, d];
        for (int i = 0; i < d; i++)
            for (int j = i; j < d; j++) covariance[i, j] = covariance[j, i] = sums[i * d + j] / (n - 1);
        return covariance;
    }
}
