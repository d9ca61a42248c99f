using System.Diagnostics;

namespace InterpAudit.Runner.Output;

/// <summary>
/// Whether a git working tree has changes its commit does not hold: tracked files modified, staged or
/// deleted, or untracked files that .gitignore does not exclude (a new source file changes the build as
/// much as an edited one). Unlike <see cref="GitRevision"/> this needs git itself: telling a modified
/// file from a touched one takes the index's stat cache and content hashes, which only git keeps
/// right (racy timestamps, filters, sparse checkouts). Without git the answer is unknown, not clean.
/// </summary>
internal static class GitWorkingTree
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>True when dirty, false when clean, null when git could not tell (not installed, not a repository, refused).</summary>
    public static bool? IsDirty(string repositoryRoot, string git = "git")
    {
        var start = new ProcessStartInfo(git)
        {
            ArgumentList = { "-C", repositoryRoot, "status", "--porcelain" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // A read-only question: do not refresh the index, which would take its lock while the user works.
        start.Environment["GIT_OPTIONAL_LOCKS"] = "0";
        try
        {
            using Process process = Process.Start(start)!;
            Task<string> output = process.StandardOutput.ReadToEndAsync();
            Task<string> errors = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                return null;
            }
            Task.WaitAll(output, errors);
            return process.ExitCode == 0 ? output.Result.Length > 0 : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // no git on the PATH
        }
    }
}
