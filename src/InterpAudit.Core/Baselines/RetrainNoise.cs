using InterpAudit.Results;
using MathNet.Numerics.Distributions;

namespace InterpAudit.Baselines;

/// <summary>
/// How far a fair retrain — the same code and data, another seed or machine — may move a metric from
/// its baseline by chance. The move d = now − mean of the calibration runs has standard deviation
/// σ = √(σ_T² + σ_S²):
/// <list type="bullet">
/// <item>σ_T, training: s·√(1 + 1/n) for the calibration runs' spread s over n ≥ 2 runs — the
/// prediction interval for one more run from the same distribution, wider when n is small; 0 for a
/// single run.</item>
/// <item>σ_S, evaluation sampling: on the same data with per-sample outcomes, paired — the standard
/// error of the mean of e_i = o_i − (1/n) Σ_j o_{j,i} over the scope's samples (for one run, McNemar's
/// variance of the discordant pairs); on the same data without them, this run's interval; on other
/// data, both runs' intervals. A 95% interval's half-width h counts as 1.96 σ.</item>
/// </list>
/// The statistic d/σ is read against Student's t with the Welch–Satterthwaite degrees of freedom
/// ν = (n − 1)(σ²/σ_T²)² (the sampling part is taken as known), normal when σ_T = 0.
/// </summary>
internal sealed record RetrainNoise(double Sigma, double TrainingSigma, double SamplingSigma, double DegreesOfFreedom, string Description)
{
    private const double Z95 = 1.959963984540054;

    public static RetrainNoise Of(CheckResult now, BaselineMetric then, bool sameData)
    {
        int n = then.Values.Count;
        double training = n >= 2 ? then.Spread * Math.Sqrt(1 + 1.0 / n) : 0;
        string trainingText = n >= 2 ? $"training spread of {n} calibration runs" : "one calibration run (no training spread)";

        (double sampling, string samplingText) = sameData && Paired(now.Outcomes, then.Outcomes) is { } paired
            ? (paired, $"paired per-sample outcomes ({now.Outcomes!.Count} samples)")
            : Unpaired(now.Interval, then.HalfWidths, sameData);

        double sigma = Math.Sqrt(training * training + sampling * sampling);
        double df = training > 0 ? (n - 1) * Math.Pow(sigma * sigma / (training * training), 2) : double.PositiveInfinity;
        return new RetrainNoise(sigma, training, sampling, df, $"{trainingText}; {samplingText}");
    }

    /// <summary>One-sided p of a bad-direction move at least <paramref name="worse"/> under a fair retrain.</summary>
    public double PValue(double worse)
    {
        if (double.IsNaN(worse)) return 0;
        if (Sigma == 0) return worse > 0 ? 0 : 1;
        return 1 - Cdf(worse / Sigma);
    }

    /// <summary>The move that noise reaches with probability <paramref name="level"/>: the critical value times σ.</summary>
    public double Band(double level)
    {
        if (Sigma == 0) return 0;
        double p = Math.Clamp(1 - level, 0.5, 1 - 1e-15);
        double critical = double.IsPositiveInfinity(DegreesOfFreedom) || DegreesOfFreedom > 1e6
            ? Normal.InvCDF(0, 1, p)
            : StudentT.InvCDF(0, 1, DegreesOfFreedom, p);
        return critical * Sigma;
    }

    private double Cdf(double t) =>
        double.IsPositiveInfinity(DegreesOfFreedom) || DegreesOfFreedom > 1e6 ? Normal.CDF(0, 1, t) : StudentT.CDF(0, 1, DegreesOfFreedom, t);

    /// <summary>The paired standard error, or null when either side lacks outcomes of the same samples.</summary>
    private static double? Paired(SampleOutcomes? now, IReadOnlyList<SampleOutcomes?>? then)
    {
        if (now?.Decode() is not { Length: > 1 } current || then is null || then.Count == 0) return null;
        var reference = new double[current.Length];
        foreach (SampleOutcomes? run in then)
        {
            if (run?.Decode() is not { } values || values.Length != current.Length) return null;
            for (int i = 0; i < values.Length; i++) reference[i] += values[i] / then.Count;
        }
        int count = current.Length;
        double mean = 0;
        for (int i = 0; i < count; i++) mean += (current[i] - reference[i]) / count;
        double variance = 0;
        for (int i = 0; i < count; i++) variance += Math.Pow(current[i] - reference[i] - mean, 2) / (count - 1);
        return Math.Sqrt(variance / count);
    }

    private static (double, string) Unpaired(Interval? now, IReadOnlyList<double> then, bool sameData)
    {
        double h1 = BaselineCalibration.HalfWidth(now);
        double[] known = then.Where(h => !double.IsNaN(h)).ToArray();
        double h2 = known.Length == 0 ? double.NaN : known.Average();
        if (sameData)
            return double.IsNaN(h1) ? (0, "no sampling interval") : (h1 / Z95, "this run's sampling interval");
        double sum = (double.IsNaN(h1) ? 0 : h1 * h1) + (double.IsNaN(h2) ? 0 : h2 * h2);
        return sum == 0 ? (0, "no sampling interval") : (Math.Sqrt(sum) / Z95, "both runs' sampling intervals (the data changed)");
    }
}
