namespace InterpAudit.Reporting.Sections;

/// <summary>The baseline comparison: how the baseline was calibrated, and a row per baselined metric.</summary>
internal sealed record BaselineView(int Runs, bool Calibrated, int Metrics, string FalseAlarmRate, IReadOnlyList<BaselineView.Row> Rows)
{
    /// <summary>
    /// One baselined metric: this run's value against the calibration runs' mean and spread, the move
    /// allowed and the band that set it, the Holm test, the status (with its CSS class) and the bound's
    /// margin in spreads (<see cref="Tight"/> when under the comfortable margin).
    /// </summary>
    public sealed record Row(
        string Metric, string Value, string Baseline, string Spread, string Delta, string Allowed, string Band, string Noise,
        string P, string Level, string Status, string StatusClass, string Margin, bool Tight);
}
