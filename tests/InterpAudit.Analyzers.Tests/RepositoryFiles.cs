namespace InterpAudit.Analyzers.Tests;

/// <summary>Files of this repository that the tests read: the sample, the fixtures, the docs.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>The C# files of a project folder, without bin/ and obj/, in a stable order.</summary>
    public static IReadOnlyList<string> SourcesUnder(params string[] parts)
    {
        string directory = PathOf(parts);
        return Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(directory, f).Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj"))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static string FindRoot()
    {
        for (DirectoryInfo? d = new(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "InterpAudit.sln"))) return d.FullName;
        throw new InvalidOperationException("InterpAudit.sln not found above " + AppContext.BaseDirectory);
    }
}
