using InterpAudit.Results;

namespace InterpAudit.Baselines;

/// <summary>Something the regression gate reports: a diagnostic code, the check it concerns (if any), and the message.</summary>
public sealed record RegressionFinding(string Code, CheckSeverity Severity, string Message, CheckResult? Check = null)
{
    /// <summary>
    /// What the user can do about it, on its own (the end of <see cref="Message"/>): the build log
    /// states a regressed check in the reports' condition sentence and appends this.
    /// </summary>
    public string? Remedy { get; init; }
}
