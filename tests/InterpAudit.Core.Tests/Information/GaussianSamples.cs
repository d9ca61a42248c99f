using MathNet.Numerics.Distributions;

namespace InterpAudit.Tests.Information;

/// <summary>Seeded samples of zero-mean Gaussians with a given correlation matrix, as d rows of N samples.</summary>
internal static class GaussianSamples
{
    public static double[][] Draw(double[,] correlation, int n, Random random)
    {
        int d = correlation.GetLength(0);
        double[,] lower = Cholesky(correlation);
        var rows = new double[d][];
        for (int i = 0; i < d; i++) rows[i] = new double[n];
        var standard = new double[d];
        for (int s = 0; s < n; s++)
        {
            for (int i = 0; i < d; i++) standard[i] = Normal.Sample(random, 0, 1);
            for (int i = 0; i < d; i++)
            {
                double value = 0;
                for (int j = 0; j <= i; j++) value += lower[i, j] * standard[j];
                rows[i][s] = value;
            }
        }
        return rows;
    }

    public static double[] Standard(int n, Random random) => Draw(new double[,] { { 1 } }, n, random)[0];

    /// <summary>The lower Cholesky factor L of a symmetric positive-definite matrix (A = L Lᵀ).</summary>
    internal static double[,] Cholesky(double[,] a)
    {
        int d = a.GetLength(0);
        var l = new double[d, d];
        for (int j = 0; j < d; j++)
        {
            double diagonal = a[j, j];
            for (int k = 0; k < j; k++) diagonal -= l[j, k] * l[j, k];
            l[j, j] = Math.Sqrt(diagonal);
            for (int i = j + 1; i < d; i++)
            {
                double sum = a[i, j];
                for (int k = 0; k < j; k++) sum -= l[i, k] * l[j, k];
                l[i, j] = sum / l[j, j];
            }
        }
        return l;
    }
}
