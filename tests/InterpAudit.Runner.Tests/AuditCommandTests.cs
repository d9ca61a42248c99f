using InterpAudit.Auditing;

namespace InterpAudit.Runner.Tests;

public sealed class AuditCommandTests
{
    /// <summary>Runs the audit verb in process, restoring the working directory it changes.</summary>
    internal static (int ExitCode, string Output) Run(AuditOptions options)
    {
        string before = Directory.GetCurrentDirectory();
        try
        {
            var output = new StringWriter();
            return (AuditCommand.Run(options, output), output.ToString());
        }
        finally
        {
            Directory.SetCurrentDirectory(before);
        }
    }

    [Fact]
    public void An_assembly_without_audits_is_IA3005_and_exit_code_2()
    {
        string abstractions = typeof(IAuditTarget).Assembly.Location;
        (int code, string output) = Run(new AuditOptions(abstractions, null, Path.GetTempPath()));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("error IA3005: No class in InterpAudit.Abstractions is marked [InterpretabilityAudit(\"name\")]", output);
    }

    [Fact]
    public void A_missing_assembly_is_IA3012_naming_it()
    {
        (int code, string output) = Run(new AuditOptions("/nowhere/Model.dll", null, Path.GetTempPath()));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("error IA3012: Assembly '/nowhere/Model.dll' does not exist", output);
    }

    [Fact]
    public void A_file_that_is_not_an_assembly_is_IA3012()
    {
        string file = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".dll");
        File.WriteAllText(file, "not a PE file");
        (int code, string output) = Run(new AuditOptions(file, null, Path.GetTempPath()));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("error IA3012", output);
    }

    [Fact]
    public void Diagnostics_are_single_canonical_lines_and_never_stack_traces()
    {
        (_, string output) = Run(new AuditOptions("/nowhere/Model.dll", null, Path.GetTempPath()));
        string line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches(@"^interpaudit : error IA\d{4}: ", line);
        Assert.DoesNotContain("   at ", output);
    }

    /// <summary>A user's report template that does not parse is bad input, named with its line, before any audit runs.</summary>
    [Fact]
    public void A_report_template_with_a_syntax_error_is_IA3031_at_its_line_with_no_stack_trace()
    {
        string template = Path.Combine(Directory.CreateTempSubdirectory("interpaudit-template").FullName, "report.scriban-html");
        File.WriteAllText(template, "<h1>{{ audit }}</h1>\n<p>{{ for check in checks }}{{ check.metric }}</p>\n");
        string abstractions = typeof(IAuditTarget).Assembly.Location;

        (int code, string output) = Run(new AuditOptions(abstractions, null, Path.GetTempPath(), ReportTemplate: template));

        Assert.Equal(ExitCodes.BadInput, code);
        string line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches(@"^interpaudit : error IA3031: The report template '.*report\.scriban-html' is not usable: report\.scriban-html\(2,\d+\): ", line);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public void The_tool_version_is_the_assembly_version()
    {
        Assert.Equal(typeof(AuditEngine).Assembly.GetName().Version!.ToString(3), AuditCommand.ToolVersion);
    }
}
