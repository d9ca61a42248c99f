namespace InterpAudit.Diagnostics;

/// <summary>
/// Bad input found before or during an audit: the runner turns it into a coded IA3xxx diagnostic at
/// <see cref="File"/> (when known) and writes no outputs for the audit. Messages say what was expected,
/// what was found, and what to do.
/// </summary>
public sealed class AuditInputException : Exception
{
    public AuditInputException(string code, string message, string? file = null, Exception? inner = null,
        Results.CheckDeclaration? declaration = null)
        : base(message, inner)
    {
        Code = code;
        File = file;
        Declaration = declaration;
    }

    /// <summary>The check attribute at fault, when the problem is in a declaration.</summary>
    public Results.CheckDeclaration? Declaration { get; }

    /// <summary>The IA3xxx code from <see cref="DiagnosticCodes"/>.</summary>
    public string Code { get; }

    /// <summary>The file the problem is in, when there is one (weights, data, assembly).</summary>
    public string? File { get; }
}
