namespace InterpAudit.Runner;

/// <summary>
/// The runner's exit codes (documented in docs/diagnostics.md). The MSBuild task compiles this same file
/// (a linked source: it must not reference the runner), so the two cannot disagree on which codes mean
/// "the runner reported its own diagnostics". Internal, so that the two copies never clash.
/// </summary>
internal static class ExitCodes
{
    /// <summary>Every audit ran; no error-severity check failed (warnings and report-only failures allowed).</summary>
    public const int Passed = 0;

    /// <summary>At least one error-severity check failed (IA1xxx/IA2xxx errors were printed).</summary>
    public const int ChecksFailed = 1;

    /// <summary>Bad input: an IA3xxx error was printed and the affected audits wrote no outputs.</summary>
    public const int BadInput = 2;

    /// <summary>An internal error (IA9xxx); the log has the details.</summary>
    public const int InternalError = 3;

    /// <summary>
    /// The codes with which the runner has printed a coded diagnostic for every problem; any other code
    /// (a crash, a signal) means it stopped before it could.
    /// </summary>
    public static bool Reported(int exitCode) => exitCode is ChecksFailed or BadInput or InternalError;
}
