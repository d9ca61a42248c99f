using InterpAudit.Auditing;

namespace InterpAudit.Runner.Discovery;

/// <summary>An <c>[InterpretabilityAudit]</c> class found in the audited assembly, with its check attributes in source order.</summary>
internal sealed record DiscoveredAudit(Type Type, InterpretabilityAuditAttribute Audit, IReadOnlyList<DeclaredCheck> Checks);
