namespace InterpAudit.Results;

/// <summary>
/// A metric against its committed baseline. <see cref="Delta"/> is now − baseline; the move counts as a
/// regression when it goes the bad way by more than max(<see cref="Tolerance"/>, <see cref="NoiseBand"/>).
/// </summary>
public sealed record BaselineComparison(
    double BaselineValue,
    Interval? BaselineInterval,
    double Delta,
    double NoiseBand,
    double Tolerance,
    RegressionStatus Status,
    string? AcceptedReason = null);
