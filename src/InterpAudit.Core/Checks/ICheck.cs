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

    IEnumerable<CheckResult> Evaluate(AuditCheckAttribute attribute, CheckDeclaration declaration, CheckContext context);
}
