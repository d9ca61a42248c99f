using System.Globalization;

namespace InterpAudit.Analyzers;

/// <summary>The values a bound or count may take: [<see cref="Lower"/>, <see cref="Upper"/>].</summary>
internal readonly struct BoundRange
{
    private BoundRange(double lower, double upper)
    {
        Lower = lower;
        Upper = upper;
    }

    /// <summary>[0, 1]: accuracies, shares of units, clusterability.</summary>
    public static BoundRange Fraction { get; } = new(0, 1);

    public static BoundRange AtLeast(double lower) => new(lower, double.PositiveInfinity);

    public double Lower { get; }

    public double Upper { get; }

    public bool IsFraction => Lower == 0 && Upper == 1;

    /// <summary>NaN is "not set" for a bound, so it is never out of range.</summary>
    public bool Contains(double value) => double.IsNaN(value) || (value >= Lower && value <= Upper);

    public string LowerText => Lower.ToString("R", CultureInfo.InvariantCulture);
}
