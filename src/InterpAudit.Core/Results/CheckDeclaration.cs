namespace InterpAudit.Results;

/// <summary>
/// Which attribute on the audit class declared a check: its type name and its position among the
/// attributes of that type on the class (0-based, source order). The runner maps it to file:line:col.
/// </summary>
public sealed record CheckDeclaration(string AttributeType, int Ordinal);
