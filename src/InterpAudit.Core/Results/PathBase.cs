namespace InterpAudit.Results;

/// <summary>
/// What the paths in an audit's outputs are relative to. The build machine's absolute paths never
/// appear in them: a reviewer's or a CI service's checkout lives elsewhere, and the paths would only
/// leak the machine's layout.
/// </summary>
public enum PathBase
{
    /// <summary>The root of the git working tree that holds the project (as SARIF's SRCROOT).</summary>
    Repository,

    /// <summary>The project directory, when the project is not in a git repository.</summary>
    Project,
}
