namespace InterpAudit.Results;

/// <summary>
/// The committed baseline a run was judged against: its path relative to <see cref="AuditResult.PathsRelativeTo"/>
/// and the SHA-256 of its bytes as they were read, so a reviewer can tell which version of the file judged it.
/// </summary>
public sealed record BaselineFile(string Path, string Sha256);
