using InterpAudit.Results;

namespace InterpAudit.Runner.Output;

/// <summary>
/// Prints diagnostics in MSBuild's canonical format, <c>file(line,col): error IA1001: message</c>,
/// which the build task (and any IDE or CI log parser) turns into real errors and warnings, so NoWarn
/// and -warnaserror apply. Everything else the runner prints is a plain progress line. Every line
/// also goes to the log file, when there is one.
/// </summary>
internal sealed class BuildDiagnostics(TextWriter output, TextWriter? log = null)
{
    private const string Origin = "interpaudit";

    public int Errors { get; private set; }

    public int Warnings { get; private set; }

    public void Report(DiagnosticSeverity severity, string code, string message, SourceLocation? location = null)
    {
        if (severity == DiagnosticSeverity.Error) Errors++;
        else Warnings++;
        string where = location is null ? Origin + " " : $"{location.File}({location.Line},{location.Column})";
        // One line per diagnostic: a newline inside would split it into a second, unparsed message.
        string text = message.ReplaceLineEndings(" ");
        WriteLine($"{where}: {(severity == DiagnosticSeverity.Error ? "error" : "warning")} {code}: {text}");
    }

    public void Progress(string message) => WriteLine($"{Origin}: {message}");

    /// <summary>Details for the log file only (stack traces never reach the build output).</summary>
    public void LogOnly(string text) => log?.WriteLine(text);

    private void WriteLine(string line)
    {
        output.WriteLine(line);
        output.Flush();
        log?.WriteLine(line);
        log?.Flush();
    }
}
