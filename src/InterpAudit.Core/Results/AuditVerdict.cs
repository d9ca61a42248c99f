namespace InterpAudit.Results;

/// <summary>An audit's overall outcome: failed error-severity checks fail it, failed warnings warn.</summary>
public enum AuditVerdict
{
    Pass,
    Warn,
    Fail,
}
