using InterpAudit.Results;

namespace InterpAudit.Checks;

/// <summary>
/// A measurement a declaration will take, known before anything runs, and what it is expected to cost.
/// </summary>
/// <param name="Cost">
/// A rough cost in forward passes over the evaluation set, the accuracy measurement's cost. The
/// families' factors were read once off the sample's timings (bench/README.md, "Sharded audits");
/// only their ratios matter: the cost balances shards, and a plan made from it is the same on every
/// machine, which a plan made from this run's timings would not be.
/// </param>
public sealed record PlannedMeasurement(MeasurementId Id, double Cost)
{
    /// <summary>Independent parts a sharded audit may spread over jobs (their costs sum to <see cref="Cost"/>); null: one piece of work.</summary>
    public PlannedParts? Parts { get; init; }
}
