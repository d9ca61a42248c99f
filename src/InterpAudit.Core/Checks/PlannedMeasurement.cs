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
    /// <summary>Independent parts a sharded audit may spread over jobs (their costs and <see cref="PlannedParts.PerPart"/> sum to <see cref="Cost"/>); null: one piece of work.</summary>
    public PlannedParts? Parts { get; init; }

    /// <summary>
    /// A measurement other measurements need whole and which is the same whichever job takes it (the
    /// co-clustering that cluster ablation ablates): where they split into parts, every part takes it
    /// again rather than wait for another job, and merge keeps one copy. It never splits a unit itself.
    /// </summary>
    public bool Prerequisite { get; init; }
}
