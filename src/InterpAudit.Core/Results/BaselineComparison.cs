namespace InterpAudit.Results;

/// <summary>
/// A metric against its committed baseline, and how the regression gate judged the move.
/// <see cref="Delta"/> is now − baseline mean. The move counts as a regression when it goes the bad
/// way by more than <see cref="Allowed"/> = max(<see cref="Tolerance"/>, <see cref="NoiseBand"/>) and
/// the family-wise test rejects "this is a fair retrain" (<see cref="PValue"/> ≤ <see cref="Level"/>).
/// </summary>
/// <param name="BaselineValue">The mean over the baseline's calibration runs.</param>
/// <param name="BaselineInterval">The range of the calibration runs' values (one run: its own interval, if any).</param>
/// <param name="NoiseBand">The critical value × σ at <see cref="Level"/>: what noise alone can reach.</param>
/// <param name="Tolerance">The tolerance applied, in the metric's units.</param>
/// <param name="Runs">Calibration runs in the baseline.</param>
/// <param name="Sigma">σ of the move under "a fair retrain": √(training² + sampling²).</param>
/// <param name="TrainingSigma">The spread over the calibration runs, as a prediction for one more run (0 for one run).</param>
/// <param name="SamplingSigma">The evaluation-sampling part: paired per sample, or from the intervals.</param>
/// <param name="Noise">How σ was made, in words (e.g. "training spread of 8 runs + paired per-sample outcomes").</param>
/// <param name="PValue">One-sided p of a move at least this bad under a fair retrain.</param>
/// <param name="Level">The Holm level this metric was tested at (α / (m − rank + 1)).</param>
public sealed record BaselineComparison(
    double BaselineValue,
    Interval? BaselineInterval,
    double Delta,
    double NoiseBand,
    double Tolerance,
    RegressionStatus Status,
    string? AcceptedReason = null)
{
    public int Runs { get; init; } = 1;

    /// <summary>The calibration runs' standard deviation (0 for one run).</summary>
    public double Spread { get; init; }

    public double Sigma { get; init; }

    public double TrainingSigma { get; init; }

    public double SamplingSigma { get; init; }

    public string Noise { get; init; } = "";

    public double PValue { get; init; } = double.NaN;

    public double Level { get; init; } = double.NaN;

    /// <summary>The largest bad-direction move that passes: max(tolerance, noise band).</summary>
    public double Allowed => Math.Max(Tolerance, NoiseBand);
}
