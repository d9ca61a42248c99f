namespace InterpAudit.Results;

/// <summary>
/// metrics.json's <c>shard</c> object: this file holds shard <see cref="Index"/> of <see cref="Count"/>
/// of an audit, to be combined by <c>interpaudit merge</c>. Absent from an unsharded audit's file.
/// A measurement of a split unit is partial here: it holds the indices of the units' parts this shard
/// ran (<see cref="Units"/> → <see cref="PlannedUnit.Part"/>), e.g. ECS of classes 3–4 only.
/// </summary>
/// <param name="Units">The ids of the plan's units this shard ran.</param>
/// <param name="Declarations">Every declaration of the audit, in check order (the plan's positions).</param>
/// <param name="Plan">The whole plan, the same in every shard of the audit.</param>
/// <param name="MeasurementTypes">The result type of each measurement this shard took, by key, so that merge reads it back as what it was.</param>
/// <param name="Deferred">The declarations of split units (<see cref="PlannedUnit.Part"/>), which merge judges; the same in every shard.</param>
public sealed record ShardInfo(
    int Index,
    int Count,
    ShardIdentity Identity,
    IReadOnlyList<string> Units,
    IReadOnlyList<CheckDeclaration> Declarations,
    IReadOnlyList<PlannedUnit> Plan,
    IReadOnlyDictionary<string, string> MeasurementTypes,
    IReadOnlyList<DeferredCheck>? Deferred = null)
{
    /// <summary>The audit's attribute, set by the runner: where merge reports a finding that belongs to no check.</summary>
    public SourceLocation? AuditLocation { get; init; }
}
