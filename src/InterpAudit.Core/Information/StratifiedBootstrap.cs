using InterpAudit.Results;

namespace InterpAudit.Information;

/// <summary>
/// Percentile bootstrap interval of a statistic of copula-normalised data (spec mi.md, "Uncertainty").
/// Samples are redrawn with replacement within their own class, so the class sizes, and with them the
/// class weights and bias terms of the estimator, stay those of the data; a plain resample could also
/// leave a class with fewer samples than dimensions.
/// </summary>
internal static class StratifiedBootstrap
{
    public const string Method = "bootstrap-percentile-95";

    /// <param name="rows">Copula-normalised data, one row of N samples per dimension.</param>
    /// <param name="statistic">Recomputed on each resample, with the (unchanged) labels.</param>
    public static Interval Percentile(IReadOnlyList<double[]> rows, int[] labels, int classCount, int resamples, int seed,
        Func<IReadOnlyList<double[]>, int[], double> statistic)
    {
        if (resamples <= 0) return new Interval(double.NaN, double.NaN, Method);
        List<int>[] members = GaussianMutualInformation.SamplesByClass(labels, classCount);
        var random = new Random(SeedDerivation.Derive(seed, "bootstrap"));
        int n = labels.Length;
        var source = new int[n];
        double[][] resampled = rows.Select(_ => new double[n]).ToArray();
        var values = new double[resamples];
        for (int b = 0; b < resamples; b++)
        {
            // Sample s is replaced by a random sample of its own class, so the labels stay as they are.
            for (int s = 0; s < n; s++)
            {
                List<int> sameClass = members[labels[s]];
                source[s] = sameClass[random.Next(sameClass.Count)];
            }
            for (int d = 0; d < rows.Count; d++)
            {
                double[] from = rows[d], to = resampled[d];
                for (int s = 0; s < n; s++) to[s] = from[source[s]];
            }
            values[b] = statistic(resampled, labels);
        }
        Array.Sort(values);
        return new Interval(Quantile(values, 0.025), Quantile(values, 0.975), Method);
    }

    /// <summary>Linear interpolation between order statistics (Hyndman and Fan type 7, numpy's default).</summary>
    internal static double Quantile(double[] ascending, double probability)
    {
        double position = probability * (ascending.Length - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(below + 1, ascending.Length - 1);
        return ascending[below] + (position - below) * (ascending[above] - ascending[below]);
    }
}
