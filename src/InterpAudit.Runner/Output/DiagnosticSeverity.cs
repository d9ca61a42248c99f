namespace InterpAudit.Runner.Output;

internal enum DiagnosticSeverity
{
    Error,
    Warning,
}
