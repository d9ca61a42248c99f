namespace InterpAudit.Runner;

/// <summary>The runner's exit codes (documented in docs/diagnostics.md; the MSBuild task maps them).</summary>
public static class ExitCodes
{
    /// <summary>Every audit ran; no error-severity check failed (warnings and report-only failures allowed).</summary>
    public const int Passed = 0;

    /// <summary>At least one error-severity check failed (IA1xxx/IA2xxx errors were printed).</summary>
    public const int ChecksFailed = 1;

    /// <summary>Bad input: an IA3xxx error was printed and the affected audits wrote no outputs.</summary>
    public const int BadInput = 2;

    /// <summary>An internal error (IA9xxx); the log has the details.</summary>
    public const int InternalError = 3;
}
