using InterpAudit.Results;

namespace InterpAudit.Statistics;

/// <summary>
/// Wilson score interval for a binomial proportion (Wilson 1927). Unlike the normal approximation it
/// stays inside [0, 1] and behaves at 0 and n successes, which per-class accuracies often reach.
/// </summary>
internal static class WilsonInterval
{
    private const double Z95 = 1.959963984540054;

    public static Interval Of(long successes, long trials)
    {
        if (trials <= 0) return new Interval(double.NaN, double.NaN, "wilson-95");
        double n = trials, p = successes / n, z2 = Z95 * Z95;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z95 * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
        return new Interval(Math.Max(0, centre - half), Math.Min(1, centre + half), "wilson-95");
    }
}
