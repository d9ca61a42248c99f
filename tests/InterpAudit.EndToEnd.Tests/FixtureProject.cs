namespace InterpAudit.EndToEnd.Tests;

/// <summary>
/// tests/fixtures/AuditFixture, a small consumer project with one audit per behaviour. Built once;
/// each test then runs one audit by name, with the stamp removed so the audit target runs again.
/// </summary>
public sealed class FixtureProject
{
    public FixtureProject()
    {
        DotnetBuild.Outcome first = DotnetBuild.Run(Directory, "-p:InterpAuditAudit=passing");
        if (!first.Succeeded)
            throw new InvalidOperationException("The fixture project does not build:\n" + first);
    }

    public string Directory { get; } = Path.Combine(DotnetBuild.RepoRoot, "tests", "fixtures", "AuditFixture");

    public string AuditsFile => Path.Combine(Directory, "Audits.cs");

    public string OutputOf(string audit) => Path.Combine(Directory, "bin", "Debug", "net10.0", "interpaudit", audit);

    public DotnetBuild.Outcome Audit(string audit, params string[] arguments) =>
        Audit(audit, new Dictionary<string, string>(), arguments);

    public DotnetBuild.Outcome Audit(string audit, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        File.Delete(Path.Combine(Directory, "obj", "Debug", "net10.0", "interpaudit.stamp"));
        return DotnetBuild.Run(Directory, environment, ["--no-restore", $"-p:InterpAuditAudit={audit}", .. arguments]);
    }

    /// <summary>The 1-based line of the first line in Audits.cs that contains <paramref name="text"/>.</summary>
    public int LineOf(string text) => Array.FindIndex(File.ReadAllLines(AuditsFile), l => l.Contains(text, StringComparison.Ordinal)) + 1;
}

[CollectionDefinition("fixture")]
public sealed class FixtureCollection : ICollectionFixture<FixtureProject>;
