using InterpAudit.Results;

namespace InterpAudit.Runner.Locations;

/// <summary>An audit class as written in source: where its audit attribute is, and each other attribute in order.</summary>
internal sealed record DeclaredAuditSource(
    string ClassName,
    string? AuditName,
    SourceLocation AuditAttribute,
    IReadOnlyList<(string Name, SourceLocation Location)> Attributes);
