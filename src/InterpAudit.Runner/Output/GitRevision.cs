namespace InterpAudit.Runner.Output;

/// <summary>
/// The commit checked out in the repository that contains a folder, read from .git directly (HEAD,
/// loose refs, packed-refs) so that no git executable is needed. Null outside a repository.
/// </summary>
internal static class GitRevision
{
    /// <summary>The working tree's root: the nearest folder at or above <paramref name="directory"/> with a .git.</summary>
    public static string? RepositoryRoot(string directory)
    {
        for (DirectoryInfo? d = new(directory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, ".git")) || Directory.Exists(Path.Combine(d.FullName, ".git")))
                return d.FullName;
        return null;
    }

    public static string? Of(string directory)
    {
        if (RepositoryRoot(directory) is not { } root) return null;
        string dotGit = Path.Combine(root, ".git");
        if (Directory.Exists(dotGit)) return FromGitDirectory(dotGit);
        // A worktree or submodule: ".git" is a file saying "gitdir: <path>".
        string pointer = File.ReadAllText(dotGit).Trim();
        if (!pointer.StartsWith("gitdir:", StringComparison.Ordinal)) return null;
        return FromGitDirectory(Path.GetFullPath(pointer["gitdir:".Length..].Trim(), root));
    }

    private static string? FromGitDirectory(string gitDirectory)
    {
        string headFile = Path.Combine(gitDirectory, "HEAD");
        if (!File.Exists(headFile)) return null;
        string head = File.ReadAllText(headFile).Trim();
        if (!head.StartsWith("ref: ", StringComparison.Ordinal)) return IsHash(head) ? head : null;
        string reference = head["ref: ".Length..];
        // Worktrees keep their HEAD apart but share refs with the main repository ("commondir").
        string commonFile = Path.Combine(gitDirectory, "commondir");
        string common = File.Exists(commonFile) ? Path.GetFullPath(File.ReadAllText(commonFile).Trim(), gitDirectory) : gitDirectory;
        foreach (string root in new[] { gitDirectory, common })
        {
            string loose = Path.Combine(root, reference);
            if (File.Exists(loose)) return File.ReadAllText(loose).Trim();
        }
        string packed = Path.Combine(common, "packed-refs");
        if (!File.Exists(packed)) return null;
        return File.ReadLines(packed).Select(l => l.Split(' ')).FirstOrDefault(p => p.Length == 2 && p[1] == reference)?[0];
    }

    private static bool IsHash(string text) => text.Length is 40 or 64 && text.All(Uri.IsHexDigit);
}
