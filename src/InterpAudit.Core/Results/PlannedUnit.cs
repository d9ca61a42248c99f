namespace InterpAudit.Results;

/// <summary>
/// One work unit of a sharded audit: declarations that share measurements, and so must run in one
/// process (a <c>[ModularityCheck]</c> and an <c>[AblationCheck]</c> of the same layer share the
/// co-clustering; a Both circuit check needs the exact and fast pruned weights together) — or, when
/// every measurement of such a group splits along one axis (ECS by class), one part of the group.
/// </summary>
/// <param name="Id">The unit's measurement keys, joined with " + ", in the order the declarations ask for them; a part adds its range, e.g. <c>circuit:exact (classes 3–4)</c>.</param>
/// <param name="Shard">The shard (1-based) the plan gives it to.</param>
/// <param name="Cost">Its measurements' summed cost estimate (<see cref="Checks.PlannedMeasurement.Cost"/>), or its part's share of it.</param>
/// <param name="Declarations">Positions of its declarations in the audit's check list (every part of a group lists them all).</param>
/// <param name="Measurements">Its measurement keys.</param>
/// <param name="Part">The part of the group's measurements this unit computes; null: all of them. A split group's declarations are judged by merge, once every part is in.</param>
/// <param name="Prerequisites">
/// Of <see cref="Measurements"/>, those a split group's every part takes whole (<see cref="Checks.PlannedMeasurement.Prerequisite"/>:
/// the co-clustering of an ablation split by cluster); null when there are none, and not written then.
/// </param>
public sealed record PlannedUnit(string Id, int Shard, double Cost, IReadOnlyList<int> Declarations, IReadOnlyList<string> Measurements,
    UnitPart? Part = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    IReadOnlyList<string>? Prerequisites = null)
{
    /// <summary>Whether <paramref name="key"/> is one of the measurements this unit's part splits (not a prerequisite it takes whole).</summary>
    public bool Splits(string key) => Part is not null && Measurements.Contains(key) && !(Prerequisites?.Contains(key) ?? false);
}
