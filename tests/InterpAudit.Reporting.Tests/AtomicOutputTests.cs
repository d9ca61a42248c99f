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
}
