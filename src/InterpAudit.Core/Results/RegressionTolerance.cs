using System.Globalization;

namespace InterpAudit.Results;

/// <summary>
/// The smallest move in a metric's bad direction that may count as a regression, whatever the
/// statistics say: max(<see cref="Absolute"/>, <see cref="Relative"/> · |baseline|). It keeps the band
/// from collapsing to 0 for a metric that did not vary over the calibration runs (a count such as
/// libFeatures99) or that has no interval. Each check family declares a default per metric
/// (docs/diagnostics.md, "How a regression is judged"); a check's <c>RegressionTolerance</c>,
/// when set, replaces it.
/// </summary>
public sealed record RegressionTolerance(double Absolute, double Relative = 0)
{
    public static RegressionTolerance None { get; } = new(0);

    public double For(double baseline) =>
        Math.Max(Absolute, double.IsNaN(baseline) ? 0 : Relative * Math.Abs(baseline));

    public override string ToString() =>
        Relative == 0 ? Absolute.ToString("0.####", CultureInfo.InvariantCulture)
        : $"max({Absolute.ToString("0.####", CultureInfo.InvariantCulture)}, {(Relative * 100).ToString("0.##", CultureInfo.InvariantCulture)} % of the baseline)";
}
