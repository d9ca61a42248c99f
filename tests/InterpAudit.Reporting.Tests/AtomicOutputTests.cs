namespace InterpAudit.Reporting.Tests;

public sealed class AtomicOutputTests
{
    private static string NewDirectory() => Path.Combine(Path.GetTempPath(), "interpaudit-atomic", Guid.NewGuid().ToString("N"));

    private static Action<Stream> Text(string text) => s => s.Write(System.Text.Encoding.UTF8.GetBytes(text));

    [Fact]
    public void All_files_are_written_and_no_temporary_file_is_left()
    {
        string directory = NewDirectory();
        AtomicOutput.WriteAll(directory, [("metrics.json", Text("{}")), ("report.html", Text("<p>"))]);
        Assert.Equal(["metrics.json", "report.html"], Directory.GetFiles(directory).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void A_writer_that_fails_leaves_the_previous_complete_outputs_untouched()
    {
        string directory = NewDirectory();
        AtomicOutput.WriteAll(directory, [("metrics.json", Text("old")), ("report.html", Text("old"))]);

        Assert.Throws<InvalidOperationException>(() => AtomicOutput.WriteAll(directory,
        [
            ("metrics.json", Text("new")),
            ("report.html", s => { s.Write("half"u8); throw new InvalidOperationException("renderer failed"); }),
        ]));

        Assert.Equal("old", File.ReadAllText(Path.Combine(directory, "metrics.json")));
        Assert.Equal("old", File.ReadAllText(Path.Combine(directory, "report.html")));
        Assert.Equal(2, Directory.GetFiles(directory).Length);
    }

    /// <summary>
    /// Two audits writing one folder at once (two configurations built with -m and a shared
    /// InterpAuditOutputPath): while another writer holds the folder's lock, renames wait, so the
    /// folder ends with one writer's whole set, never a mixture.
    /// </summary>
    [Fact]
    public async Task Renames_wait_for_another_writer_holding_the_folders_lock()
    {
        string directory = NewDirectory();
        AtomicOutput.WriteAll(directory, [("metrics.json", Text("old")), ("report.html", Text("old"))]);

        Task writer;
        using (new FileStream(AtomicOutput.LockPath(directory), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            writer = Task.Run(() => AtomicOutput.WriteAll(directory, [("metrics.json", Text("new")), ("report.html", Text("new"))]));
            await Task.Delay(500);
            Assert.False(writer.IsCompleted);
            Assert.Equal("old", File.ReadAllText(Path.Combine(directory, "metrics.json")));
            Assert.Equal("old", File.ReadAllText(Path.Combine(directory, "report.html")));
        }
        await writer.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("new", File.ReadAllText(Path.Combine(directory, "metrics.json")));
        Assert.Equal("new", File.ReadAllText(Path.Combine(directory, "report.html")));
    }

    [Fact]
    public void Concurrent_writers_leave_one_writers_complete_set()
    {
        string directory = NewDirectory();
        string[] names = ["junit.xml", "metrics.json", "report.html", "results.sarif", "summary.md"];
        Parallel.For(0, 4, writer =>
        {
            for (int round = 0; round < 25; round++)
                AtomicOutput.WriteAll(directory, names.Select(n => (n, Text($"{writer}/{round}"))));
        });

        Assert.Equal(names, Directory.GetFiles(directory).Select(Path.GetFileName).Order());
        Assert.Single(names.Select(n => File.ReadAllText(Path.Combine(directory, n))).Distinct());
    }

    /// <summary>
    /// A writer killed between writing and renaming runs no cleanup; the next write removes its
    /// temporaries (named with the dead process's id) and leaves a live writer's alone.
    /// </summary>
    [Fact]
    public void Temporaries_of_a_killed_writer_are_removed_and_a_live_writers_are_kept()
    {
        string directory = NewDirectory();
        Directory.CreateDirectory(directory);
        const int NeverAProcess = int.MaxValue - 7; // above Linux's pid_max (at most 2^22)
        string abandoned = Path.Combine(directory, $".metrics.json.{NeverAProcess}.{Guid.NewGuid():N}.tmp");
        string live = Path.Combine(directory, $".report.html.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        File.WriteAllText(abandoned, "half");
        File.WriteAllText(live, "in progress");

        AtomicOutput.WriteAll(directory, [("metrics.json", Text("{}"))]);

        Assert.False(File.Exists(abandoned));
        Assert.True(File.Exists(live));
    }
}
