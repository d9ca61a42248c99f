using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
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
/// sample's 64 × 2,000 layers. Each sums its terms in an order fixed by the code, not by the machine's
/// vector width (the scores element by element, the covariance in four fixed lanes), so the result is
/// the same on every processor.
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

    /// <summary>
    /// The d × d sample covariance (N − 1) of centred rows: each entry a dot product summed in four
    /// fixed lanes (samples s ≡ 0, 1, 2, 3 mod 4), then lane 0 + 1 and 2 + 3, then the two, then the
    /// remainder. Vector256 has four lanes on every processor (in software where there is no AVX), so
    /// the order, and the result, is the same everywhere.
    /// </summary>
    private static double[,] Covariance(double[][] centred, int n)
    {
        int d = centred.Length;
        var covariance = new double[d, d];
        for (int i = 0; i < d; i++)
            for (int j = i; j < d; j++)
                covariance[i, j] = covariance[j, i] = Dot(centred[i], centred[j]) / (n - 1);
        return covariance;
    }

    private static double Dot(double[] x, double[] y)
    {
        int n = x.Length, s = 0;
        Vector256<double> lanes = Vector256<double>.Zero;
        ref double xs = ref MemoryMarshal.GetArrayDataReference(x);
        ref double ys = ref MemoryMarshal.GetArrayDataReference(y);
        for (; s <= n - 4; s += 4)
            lanes += Vector256.LoadUnsafe(ref xs, (nuint)s) * Vector256.LoadUnsafe(ref ys, (nuint)s);
        double sum = (lanes.GetElement(0) + lanes.GetElement(1)) + (lanes.GetElement(2) + lanes.GetElement(3));
        for (; s < n; s++) sum += x[s] * y[s];
        return sum;
    }
}
