using InterpAudit.Results;

namespace InterpAudit.Auditing;

/// <summary>A check attribute as found on the audit class, with where it was declared.</summary>
public sealed record DeclaredCheck(AuditCheckAttribute Attribute, CheckDeclaration Declaration);
