using InterpAudit.Results;

namespace InterpAudit.Checks;

/// <summary>The untyped face of <see cref="Check{TAttribute}"/>, for the catalog.</summary>
public interface ICheck
{
    Type AttributeType { get; }

    /// <summary>Problems with the declaration itself (bounds out of range, unknown class); empty when valid.</summary>
    IEnumerable<string> Validate(AuditCheckAttribute attribute, CheckContext context);

    /// <summary>The model layers the check reads, so unknown names fail before any measurement runs.</summary>
    IEnumerable<string> Layers(AuditCheckAttribute attribute);

    /// <summary>The family's default regression tolerance for one of its metrics.</summary>
    RegressionTolerance DefaultTolerance(string metric);

    IEnumerable<CheckResult> Evaluate(AuditCheckAttribute attribute, CheckDeclaration declaration, CheckContext context);
}
