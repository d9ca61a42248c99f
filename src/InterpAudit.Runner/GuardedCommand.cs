using InterpAudit.Diagnostics;
using InterpAudit.Runner.Output;

namespace InterpAudit.Runner;

/// <summary>
/// The exit-code contract of the verbs that run audits (<c>audit</c>, <c>merge</c>; see
/// <see cref="ExitCodes"/>): bad input is its own coded diagnostic and exit 2, anything else an
/// internal error (IA9003) naming the log, where the stack trace goes, and exit 3 — never a trace in
/// the build output.
/// </summary>
internal static class GuardedCommand
{
    public static int Run(string? logFile, TextWriter output, Func<BuildDiagnostics, int> body)
    {
        using StreamWriter? log = OpenLog(logFile);
        var diagnostics = new BuildDiagnostics(output, log);
        try
        {
            return body(diagnostics);
        }
        catch (AuditInputException e)
        {
            diagnostics.Report(DiagnosticSeverity.Error, e.Code, e.Message);
            return ExitCodes.BadInput;
        }
        catch (Exception e)
        {
            diagnostics.Report(DiagnosticSeverity.Error, DiagnosticCodes.InternalError, InternalError(e, logFile));
            diagnostics.LogOnly(e.ToString());
            return ExitCodes.InternalError;
        }
    }

    public static string InternalError(Exception e, string? logFile) =>
        $"Internal error: {e.GetType().Name}: {e.Message}. This is a bug in InterpAudit; the details are in {logFile ?? "the log (pass --log FILE)"}.";

    private static StreamWriter? OpenLog(string? path)
    {
        if (path is null) return null;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        return new StreamWriter(path, append: false) { AutoFlush = true };
    }
}
