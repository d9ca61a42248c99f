using InterpAudit.Results;

namespace InterpAudit.Baselines;

/// <summary>
/// One metric over the calibration runs: each run's value, its 95% interval's half-width (NaN without
/// one) and its per-sample outcomes (where the family has them), in the order of the baseline's runs.
/// </summary>
public sealed record BaselineMetric(
    string Family,
    string Metric,
    string Scope,
    BoundKind Bound,
    IReadOnlyList<double> Values,
    IReadOnlyList<double> HalfWidths,
    IReadOnlyList<SampleOutcomes?>? Outcomes = null)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public MetricId Id => new(Family, Metric, Scope);

    [System.Text.Json.Serialization.JsonIgnore]
    public string Key => Id.Key;

    /// <summary>The mean over the runs: the value a new run is compared with.</summary>
    public double Mean => Values.Count == 0 ? double.NaN : Values.Average();

    /// <summary>The runs' sample standard deviation (n − 1); 0 for a single run.</summary>
    public double Spread
    {
        get
        {
            if (Values.Count < 2) return 0;
            double mean = Mean;
            return Math.Sqrt(Values.Sum(v => (v - mean) * (v - mean)) / (Values.Count - 1));
        }
    }

    public double Minimum => Values.Count == 0 ? double.NaN : Values.Min();

    public double Maximum => Values.Count == 0 ? double.NaN : Values.Max();
}
