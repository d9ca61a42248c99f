using InterpAudit.Results;

namespace InterpAudit.Checks;

/// <summary>The untyped face of <see cref="Check{TAttribute, TMeasurement}"/>, for the catalog and the engine.</summary>
public interface ICheck
{
    Type AttributeType { get; }

    /// <summary>Problems with the declaration itself (bounds out of range, unknown class); empty when valid.</summary>
    IEnumerable<string> Validate(AuditCheckAttribute attribute, CheckContext context);

    /// <summary>The model layers the check reads, so unknown names fail before any measurement runs.</summary>
    IEnumerable<string> Layers(AuditCheckAttribute attribute);

    /// <summary>
    /// The measurements <see cref="Evaluate"/> takes for the declaration, before any runs: a shard plans
    /// its work from them (<see cref="Sharding.ShardPlan"/>), and Evaluate fails if it measures anything else.
    /// </summary>
    IReadOnlyList<PlannedMeasurement> Plan(AuditCheckAttribute attribute, CheckContext context);

    /// <summary>
    /// Takes the declaration's measurements without judging them: a shard that runs only some parts of a
    /// split unit (<see cref="CheckContext.Parts"/>) holds partial measurements, which merge assembles and judges.
    /// </summary>
    void MeasureOnly(AuditCheckAttribute attribute, CheckDeclaration declaration, CheckContext context);

    IEnumerable<CheckResult> Evaluate(AuditCheckAttribute attribute, CheckDeclaration declaration, CheckContext context);
}
