using InterpAudit.Results;

namespace InterpAudit.Baselines;

/// <summary>Something the regression gate reports: a diagnostic code, the check it concerns (if any), and the message.</summary>
public sealed record RegressionFinding(string Code, CheckSeverity Severity, string Message, CheckResult? Check = null);
