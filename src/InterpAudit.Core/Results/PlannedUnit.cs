namespace InterpAudit.Results;

/// <summary>
/// One work unit of a sharded audit: declarations that share measurements, and so must run in one
/// process (a <c>[ModularityCheck]</c> and an <c>[AblationCheck]</c> of the same layer share the
/// co-clustering; a Both circuit check needs the exact and fast pruned weights together).
/// </summary>
/// <param name="Id">The unit's measurement keys, joined with " + ", in the order the declarations ask for them.</param>
/// <param name="Shard">The shard (1-based) the plan gives it to.</param>
/// <param name="Cost">Its measurements' summed cost estimate (<see cref="Checks.PlannedMeasurement.Cost"/>).</param>
/// <param name="Declarations">Positions of its declarations in the audit's check list.</param>
/// <param name="Measurements">Its measurement keys.</param>
public sealed record PlannedUnit(string Id, int Shard, double Cost, IReadOnlyList<int> Declarations, IReadOnlyList<string> Measurements);
