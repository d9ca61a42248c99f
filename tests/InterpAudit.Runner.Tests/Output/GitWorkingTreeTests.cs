using System.Diagnostics;
using InterpAudit.Runner.Output;

namespace InterpAudit.Runner.Tests.Output;

/// <summary>Dirty means what git means by a change: edited, staged, deleted or new unignored files; unknown without git.</summary>
public sealed class GitWorkingTreeTests
{
    private static void Git(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in (string[])["-C", directory, "-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", .. arguments])
            start.ArgumentList.Add(a);
        using Process git = Process.Start(start)!;
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, $"git {string.Join(' ', arguments)}: {git.StandardError.ReadToEnd()}");
    }

    private static string CommittedRepository()
    {
        string root = Directory.CreateTempSubdirectory("interpaudit-dirty").FullName;
        Git(root, "init", "-q");
        File.WriteAllText(Path.Combine(root, "Audit.cs"), "class A {}\n");
        File.WriteAllText(Path.Combine(root, ".gitignore"), "bin/\n");
        Git(root, "add", ".");
        Git(root, "commit", "-q", "-m", "first");
        return root;
    }

    [Fact]
    public void A_committed_tree_is_clean_and_ignored_build_output_keeps_it_clean()
    {
        string root = CommittedRepository();
        Assert.False(GitWorkingTree.IsDirty(root));
        Directory.CreateDirectory(Path.Combine(root, "bin"));
        File.WriteAllText(Path.Combine(root, "bin", "model.weights"), "w");
        Assert.False(GitWorkingTree.IsDirty(root));
    }

    [Fact]
    public void An_edited_tracked_file_or_a_new_unignored_file_makes_it_dirty()
    {
        string edited = CommittedRepository();
        File.AppendAllText(Path.Combine(edited, "Audit.cs"), "// changed\n");
        Assert.True(GitWorkingTree.IsDirty(edited));

        string added = CommittedRepository();
        File.WriteAllText(Path.Combine(added, "New.cs"), "class B {}\n");
        Assert.True(GitWorkingTree.IsDirty(added));
    }

    [Fact]
    public void Without_git_or_outside_a_repository_it_is_unknown()
    {
        Assert.Null(GitWorkingTree.IsDirty(CommittedRepository(), git: "interpaudit-no-such-git"));
        Assert.Null(GitWorkingTree.IsDirty(Directory.CreateTempSubdirectory("interpaudit-nogit").FullName));
    }
}
