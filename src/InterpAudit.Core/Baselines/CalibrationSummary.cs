using System.Globalization;
using System.Text;
using InterpAudit.Results;

namespace InterpAudit.Baselines;

/// <summary>
/// What a calibration found, one line per declared bound: the metric's mean, spread and range over
/// the runs, and the bound's margin in spreads (<see cref="BoundMargin"/>), so that a bound a fair
/// retrain would fail is seen when the baseline is accepted, not in CI.
/// </summary>
public static class CalibrationSummary
{
    /// <summary>A margin under this many spreads is flagged: a fair retrain crosses it in about 1 of 700 (one-sided normal).</summary>
    public const double ComfortableMargin = 3;

    public sealed record Row(string Subject, Threshold Bound, int Runs, double Mean, double Spread, double Minimum, double Maximum, double Margin)
    {
        public bool Tight => !(Margin >= ComfortableMargin);
    }

    public static IReadOnlyList<Row> Rows(AuditBaseline baseline, IReadOnlyList<CheckResult> declared)
    {
        Dictionary<string, BaselineMetric> metrics = baseline.Metrics.ToDictionary(m => m.Key);
        return declared
            .Where(c => metrics.ContainsKey(c.Key))
            .Select(c => (c, m: metrics[c.Key]))
            .DistinctBy(x => (x.c.Key, x.c.Threshold))
            .Select(x => new Row(x.c.Id.Display, x.c.Threshold, x.m.Values.Count,
                x.m.Mean, x.m.Spread, x.m.Minimum, x.m.Maximum, BoundMargin.InSpreads(x.c.Threshold, x.m.Mean, x.m.Spread)))
            .ToList();
    }

    /// <summary>A plain-text table for the build log.</summary>
    public static string Format(IReadOnlyList<Row> rows)
    {
        var text = new StringBuilder();
        text.AppendLine($"{"metric",-44} {"bound",-12} {"runs",4} {"mean",10} {"spread",10} {"min",10} {"max",10} {"margin",8}");
        foreach (Row row in rows)
            text.AppendLine($"{row.Subject,-44} {row.Bound,-12} {row.Runs,4} {N(row.Mean),10} {N(row.Spread),10} {N(row.Minimum),10} {N(row.Maximum),10} {Margin(row.Margin),8}{(row.Tight ? "  ← tight" : "")}");
        return text.ToString().TrimEnd();
    }

    /// <summary>The margin as the report and the log print it: "4.2 s", "∞" when the runs did not vary.</summary>
    public static string Margin(double margin) =>
        double.IsNaN(margin) ? "—" : double.IsPositiveInfinity(margin) ? "∞" : double.IsNegativeInfinity(margin) ? "−∞"
        : margin.ToString("0.0", CultureInfo.InvariantCulture) + " s";

    private static string N(double value) => double.IsNaN(value) ? "NaN" : value.ToString("0.0000", CultureInfo.InvariantCulture);
}
