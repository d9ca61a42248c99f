namespace InterpAudit.Results;

/// <summary>Where a declaration is in the user's source (1-based line and column).</summary>
public sealed record SourceLocation(string File, int Line, int Column);
