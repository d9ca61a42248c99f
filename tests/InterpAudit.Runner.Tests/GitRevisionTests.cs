using InterpAudit.Runner.Output;

namespace InterpAudit.Runner.Tests;

public sealed class GitRevisionTests
{
    private const string Commit = "0123456789abcdef0123456789abcdef01234567";

    private static string Repository(Action<string> arrange)
    {
        string root = Directory.CreateTempSubdirectory("interpaudit-git").FullName;
        Directory.CreateDirectory(Path.Combine(root, ".git", "refs", "heads"));
        Directory.CreateDirectory(Path.Combine(root, "samples", "Model"));
        arrange(Path.Combine(root, ".git"));
        return Path.Combine(root, "samples", "Model");
    }

    [Fact]
    public void A_branch_head_resolves_through_its_loose_ref()
    {
        string project = Repository(git =>
        {
            File.WriteAllText(Path.Combine(git, "HEAD"), "ref: refs/heads/main\n");
            File.WriteAllText(Path.Combine(git, "refs", "heads", "main"), Commit + "\n");
        });
        Assert.Equal(Commit, GitRevision.Of(project));
    }

    [Fact]
    public void A_branch_head_resolves_through_packed_refs_and_a_detached_head_directly()
    {
        string packed = Repository(git =>
        {
            File.WriteAllText(Path.Combine(git, "HEAD"), "ref: refs/heads/release\n");
            File.WriteAllText(Path.Combine(git, "packed-refs"), $"# pack-refs with: peeled\n{Commit} refs/heads/release\n");
        });
        Assert.Equal(Commit, GitRevision.Of(packed));
        string detached = Repository(git => File.WriteAllText(Path.Combine(git, "HEAD"), Commit + "\n"));
        Assert.Equal(Commit, GitRevision.Of(detached));
    }

    [Fact]
    public void Outside_a_repository_there_is_no_revision()
    {
        Assert.Null(GitRevision.Of(Directory.CreateTempSubdirectory("interpaudit-nogit").FullName));
    }

    [Fact]
    public void The_repository_root_is_the_folder_holding_dot_git_and_none_outside_a_repository()
    {
        string project = Repository(git => File.WriteAllText(Path.Combine(git, "HEAD"), Commit + "\n"));
        Assert.Equal(Path.GetFullPath(Path.Combine(project, "..", "..")), GitRevision.RepositoryRoot(project));
        Assert.Null(GitRevision.RepositoryRoot(Directory.CreateTempSubdirectory("interpaudit-nogit").FullName));
    }
}
