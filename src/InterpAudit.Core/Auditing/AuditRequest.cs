namespace InterpAudit.Auditing;

/// <summary>One audit to run: the target instance, its declaration, its checks, and where to run it.</summary>
/// <param name="DeviceChoice">auto | cpu | cuda | cuda:N.</param>
public sealed record AuditRequest(
    IAuditTarget Target,
    InterpretabilityAuditAttribute Audit,
    IReadOnlyList<DeclaredCheck> Checks,
    string DeviceChoice,
    string ToolVersion);
