using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;

namespace InterpAudit.Information;

/// <summary>
/// Unsupervised PCA of a layer's copula-normalised units (spec mi.md, "What the audit reports"): the
/// Gaussian estimate needs more samples per class than dimensions (and about ten times as many to be
/// accurate), so a wide layer is reduced to its k leading directions of variance. The labels are not
/// used, so the reduction cannot manufacture label information.
/// </summary>
internal static class PrincipalComponents
{
    /// <summary>The scores of the <paramref name="count"/> leading components, one row of N samples each.</summary>
    public static double[][] Project(IReadOnlyList<double[]> rows, int count)
    {
        if (count == 0 || rows.Count == 0) return [];
        int n = GaussianEntropy.SampleCount(rows);
        // N × d, columns are the units, centred on their means.
        Matrix<double> data = DenseMatrix.OfColumnArrays(rows.Select(row =>
        {
            double mean = row.Average();
            return row.Select(v => v - mean).ToArray();
        }));
        Matrix<double> covariance = data.TransposeThisAndMultiply(data) / (n - 1);
        var eigen = covariance.Evd(Symmetricity.Symmetric);
        int[] leading = Enumerable.Range(0, rows.Count)
            .OrderByDescending(i => eigen.EigenValues[i].Real)
            .ThenBy(i => i)
            .Take(count)
            .ToArray();
        var directions = DenseMatrix.Create(rows.Count, leading.Length, 0);
        for (int c = 0; c < leading.Length; c++)
        {
            Vector<double> direction = eigen.EigenVectors.Column(leading[c]);
            // An eigenvector's sign is arbitrary; fixing it (largest entry positive) makes the output
            // reproducible across linear-algebra back ends. The information does not depend on it.
            if (direction[direction.AbsoluteMaximumIndex()] < 0) direction = -direction;
            directions.SetColumn(c, direction);
        }
        Matrix<double> scores = data * directions;
        return Enumerable.Range(0, leading.Length).Select(c => scores.Column(c).ToArray()).ToArray();
    }
}
