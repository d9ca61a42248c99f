namespace InterpAudit;

/// <summary>How a failed check is reported to the build.</summary>
public enum CheckSeverity
{
    /// <summary>The build fails (unless <c>InterpAuditFailBuild</c> is false).</summary>
    Error,

    /// <summary>A build warning: <c>NoWarn</c> silences it and <c>-warnaserror</c> promotes it.</summary>
    Warning,
}
