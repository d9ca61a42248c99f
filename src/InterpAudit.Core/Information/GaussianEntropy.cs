using MathNet.Numerics;

namespace InterpAudit.Information;

/// <summary>
/// Entropy of a multivariate Gaussian fitted to samples, with the analytic bias correction
/// (spec mi.md, "Gaussian-copula MI", step 2; Ince et al. 2017, eq. 5–6). Variables are given as
/// d rows of N samples each. All arithmetic is in float64; results are in bits, the bias in nats.
/// </summary>
internal static class GaussianEntropy
{
    internal static readonly double Ln2 = Math.Log(2);

    /// <summary>
    /// <c>H = Σ ln L_ii + (d/2)(ln 2π + 1)</c> with L the Cholesky factor of the sample covariance
    /// <c>Σ̂ = XcXcᵀ/(N−1)</c>, minus <see cref="BiasNats"/> when <paramref name="biasCorrect"/>; in bits.
    /// NaN when the covariance is not positive definite (e.g. a constant or duplicated dimension).
    /// </summary>
    public static double Bits(IReadOnlyList<double[]> x, bool biasCorrect = true)
    {
        int d = x.Count, n = SampleCount(x);
        RequireMoreSamplesThanDimensions(n, d);
        double h = HalfLogDeterminant(Covariance(x)) + d / 2.0 * (Math.Log(2 * Math.PI) + 1);
        if (biasCorrect) h -= BiasNats(n, d);
        return h / Ln2;
    }

    /// <summary>
    /// The expected excess of the plug-in entropy over the true one, in nats:
    /// <c>B(N,d) = d(ln 2 − ln(N−1))/2 + ½ Σ_{i=1..d} ψ((N−i)/2)</c> (ψ digamma). It is negative: the
    /// plug-in estimate underestimates entropy, and the correction adds <c>−B</c>. Needs N &gt; d.
    /// </summary>
    public static double BiasNats(int sampleCount, int dimensions)
    {
        RequireMoreSamplesThanDimensions(sampleCount, dimensions);
        double bias = dimensions * (Ln2 - Math.Log(sampleCount - 1.0)) / 2;
        for (int i = 1; i <= dimensions; i++)
            bias += SpecialFunctions.DiGamma((sampleCount - i) / 2.0) / 2;
        return bias;
    }

    /// <summary>The sample covariance <c>XcXcᵀ/(N−1)</c> of the rows (each row centred on its own mean).</summary>
    internal static double[,] Covariance(IReadOnlyList<double[]> rows)
    {
        int d = rows.Count, n = SampleCount(rows);
        var centred = new double[d][];
        for (int i = 0; i < d; i++)
        {
            double[] row = rows[i];
            double mean = 0;
            for (int s = 0; s < n; s++) mean += row[s];
            mean /= n;
            var c = new double[n];
            for (int s = 0; s < n; s++) c[s] = row[s] - mean;
            centred[i] = c;
        }
        var covariance = new double[d, d];
        for (int i = 0; i < d; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double sum = 0;
                double[] a = centred[i], b = centred[j];
                for (int s = 0; s < n; s++) sum += a[s] * b[s];
                covariance[i, j] = covariance[j, i] = sum / (n - 1);
            }
        }
        return covariance;
    }

    /// <summary>
    /// <c>½ ln det Σ = Σ ln L_ii</c> of the sub-matrix of <paramref name="covariance"/> on
    /// <paramref name="indices"/> (all of it when null), by Cholesky factorisation. 0 for an empty
    /// selection; NaN when the sub-matrix is not positive definite.
    /// </summary>
    internal static double HalfLogDeterminant(double[,] covariance, IReadOnlyList<int>? indices = null)
    {
        int d = indices?.Count ?? covariance.GetLength(0);
        int At(int i) => indices is null ? i : indices[i];
        var lower = new double[d, d];
        double halfLogDet = 0;
        for (int j = 0; j < d; j++)
        {
            double diagonal = covariance[At(j), At(j)];
            for (int k = 0; k < j; k++) diagonal -= lower[j, k] * lower[j, k];
            if (!(diagonal > 0)) return double.NaN;
            double ljj = Math.Sqrt(diagonal);
            lower[j, j] = ljj;
            halfLogDet += Math.Log(ljj);
            for (int i = j + 1; i < d; i++)
            {
                double sum = covariance[At(i), At(j)];
                for (int k = 0; k < j; k++) sum -= lower[i, k] * lower[j, k];
                lower[i, j] = sum / ljj;
            }
        }
        return halfLogDet;
    }

    internal static int SampleCount(IReadOnlyList<double[]> rows)
    {
        if (rows.Count == 0) return 0;
        int n = rows[0].Length;
        foreach (double[] row in rows)
            if (row.Length != n)
                throw new ArgumentException($"Every dimension needs the same number of samples: found {n} and {row.Length}.", nameof(rows));
        return n;
    }

    internal static void RequireMoreSamplesThanDimensions(int sampleCount, int dimensions)
    {
        if (sampleCount <= dimensions)
            throw new ArgumentException(
                $"A Gaussian fit of {dimensions} dimension(s) needs more than {dimensions} samples; found {sampleCount}.");
    }
}
