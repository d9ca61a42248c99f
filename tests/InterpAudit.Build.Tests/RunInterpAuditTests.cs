namespace InterpAudit.Build.Tests;

#pragma warning disable CA1416 // The stand-in runner is a shell script: these tests run on Linux.

/// <summary>
/// The task against a stand-in runner: a shell script put where `dotnet` would be, which prints
/// what a real runner prints and exits as told. The task's relaying and exit-code mapping are what
/// is under test, not the runner.
/// </summary>
public sealed class RunInterpAuditTests
{
    private static (RunInterpAudit Task, FakeBuildEngine Engine, bool Result) Run(string script, int timeoutMs = -1, string shard = "",
        string[]? environment = null)
    {
        string directory = Path.Combine(Path.GetTempPath(), "interpaudit-task", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        string host = Path.Combine(directory, "fake-dotnet");
        File.WriteAllText(host, "#!/bin/sh\n" + script + "\n");
        File.SetUnixFileMode(host, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        string runner = Path.Combine(directory, "interpaudit.dll");
        File.WriteAllText(runner, "");
        string output = Path.Combine(directory, "out");

        var engine = new FakeBuildEngine();
        var task = new RunInterpAudit
        {
            BuildEngine = engine,
            DotnetHostPath = host,
            RunnerPath = runner,
            AssemblyPath = Path.Combine(directory, "Model.dll"),
            ProjectPath = Path.Combine(directory, "Model.csproj"),
            OutputPath = output,
            LogFile = Path.Combine(directory, "interpaudit.log"),
            Timeout = timeoutMs,
            Shard = shard,
            EnvironmentVariables = environment,
        };
        bool result = task.Execute();
        return (task, engine, result);
    }

    [Fact]
    public void Canonical_lines_become_errors_and_warnings_with_file_line_column_and_code()
    {
        var (_, engine, result) = Run("""
            echo "interpaudit: [a] measuring accuracy"
            echo "/src/Audit.cs(14,6): error IA1001: [a] accuracy(class=7) = 0.83 < min 0.90"
            echo "/src/Audit.cs(15,6): warning IA1401: [a] labelBits(layer=fc2) = 1.2 < min 2.5"
            exit 1
            """);
        Assert.False(result);
        var error = Assert.Single(engine.Errors);
        Assert.Equal(("IA1001", "/src/Audit.cs", 14, 6), (error.Code, error.File, error.LineNumber, error.ColumnNumber));
        Assert.Equal("[a] accuracy(class=7) = 0.83 < min 0.90", error.Message);
        var warning = Assert.Single(engine.Warnings);
        Assert.Equal(("IA1401", 15), (warning.Code, warning.LineNumber));
        Assert.Contains(engine.Messages, m => m.Message == "interpaudit: [a] measuring accuracy");
    }

    [Fact]
    public void The_command_line_passes_every_setting_to_the_runner()
    {
        var (task, engine, result) = Run("""echo "args: $*"; exit 0""");
        Assert.True(result);
        string args = Assert.Single(engine.Messages, m => m.Message!.StartsWith("args:", StringComparison.Ordinal)).Message!;
        Assert.Contains($"exec {task.RunnerPath} audit --assembly {task.AssemblyPath}", args);
        Assert.Contains("--device auto --fail-build true", args);
        Assert.Contains($"--log {task.LogFile}", args);
    }

    [Fact]
    public void InterpAuditShard_reaches_the_runner_as_shard_and_is_absent_when_unset()
    {
        var (_, sharded, _) = Run("""echo "args: $*"; exit 0""", shard: "2/4");
        Assert.EndsWith(" --shard 2/4", Assert.Single(sharded.Messages, m => m.Message!.StartsWith("args:", StringComparison.Ordinal)).Message);
        var (_, whole, _) = Run("""echo "args: $*"; exit 0""");
        Assert.DoesNotContain("--shard", Assert.Single(whole.Messages, m => m.Message!.StartsWith("args:", StringComparison.Ordinal)).Message);
    }

    /// <summary>
    /// MKL's results independent of memory alignment in the audit process (AUTO,STRICT), unless the
    /// project sets MKL_CBWR itself through InterpAuditEnvironment; the other variables pass as given.
    /// </summary>
    [Fact]
    public void The_runner_gets_alignment_independent_MKL_unless_the_project_chooses_its_own_setting()
    {
        string Seen(FakeBuildEngine engine) => Assert.Single(engine.Messages, m => m.Message!.StartsWith("cbwr:", StringComparison.Ordinal)).Message!;
        const string script = """echo "cbwr: $MKL_CBWR, weights: $FIXTURE_WEIGHTS"; exit 0""";
        if (Environment.GetEnvironmentVariable("MKL_CBWR") is null)
            Assert.Equal("cbwr: AUTO,STRICT, weights: a.bin", Seen(Run(script, environment: ["FIXTURE_WEIGHTS=a.bin"]).Engine));
        Assert.Equal("cbwr: COMPATIBLE, weights: b.bin", Seen(Run(script, environment: ["MKL_CBWR=COMPATIBLE", "FIXTURE_WEIGHTS=b.bin"]).Engine));
    }

    [Fact]
    public void Warnings_alone_pass()
    {
        var (_, engine, result) = Run("""echo "/src/A.cs(1,2): warning IA1001: below"; exit 0""");
        Assert.True(result);
        Assert.Empty(engine.Errors);
        Assert.Single(engine.Warnings);
    }

    [Fact]
    public void A_crash_without_a_diagnostic_is_IA9001_with_the_runners_last_lines()
    {
        var (_, engine, result) = Run("""echo "loading model"; echo "Segmentation fault" >&2; exit 139""");
        Assert.False(result);
        var error = Assert.Single(engine.Errors);
        Assert.Equal("IA9001", error.Code);
        Assert.Contains("exited with code 139", error.Message);
        Assert.Contains("loading model", error.Message);
        Assert.Contains("Segmentation fault", error.Message);
    }

    /// <summary>
    /// Exit 3 after a reported internal error: the runner's IA9003 is the only error; IA9001 ("without
    /// reporting a diagnostic… no outputs were replaced") would be false.
    /// </summary>
    [Fact]
    public void A_reported_internal_error_is_relayed_alone_without_IA9001()
    {
        var (_, engine, result) = Run("""
            echo "/src/Audit.cs(3,2): error IA9003: [a] Internal error: NullReferenceException: boom. This is a bug in InterpAudit"
            exit 3
            """);
        Assert.False(result);
        var error = Assert.Single(engine.Errors);
        Assert.Equal(("IA9003", "/src/Audit.cs", 3), (error.Code, error.File, error.LineNumber));
    }

    /// <summary>Any of the runner's own exit codes without a diagnostic printed is still a crash (IA9001).</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_runner_exit_code_without_a_diagnostic_is_IA9001(int exitCode)
    {
        var (_, engine, result) = Run($"echo \"half way\"; exit {exitCode}");
        Assert.False(result);
        var error = Assert.Single(engine.Errors);
        Assert.Equal("IA9001", error.Code);
        Assert.Contains($"exited with code {exitCode}", error.Message);
    }

    [Fact]
    public void The_task_and_the_runner_share_one_definition_of_the_exit_codes() =>
        Assert.Equal([0, 1, 2, 3], new[] { InterpAudit.Runner.ExitCodes.Passed, InterpAudit.Runner.ExitCodes.ChecksFailed,
            InterpAudit.Runner.ExitCodes.BadInput, InterpAudit.Runner.ExitCodes.InternalError });

    /// <summary>A runner killed by a signal (the out-of-memory killer, a CI cancel) is named as such.</summary>
    [Fact]
    public void A_runner_killed_by_sigkill_is_IA9001_naming_the_signal()
    {
        var (_, engine, result) = Run("""echo "measuring lib"; kill -9 $$""");
        Assert.False(result);
        var error = Assert.Single(engine.Errors);
        Assert.Equal("IA9001", error.Code);
        Assert.Contains("exited with code 137 (128 + 9: SIGKILL, e.g. the out-of-memory killer)", error.Message);
        Assert.Contains("measuring lib", error.Message);
    }

    [Theory]
    [InlineData(1, "")]
    [InlineData(128, "")]
    [InlineData(134, " (128 + 6: SIGABRT)")]
    [InlineData(143, " (128 + 15: SIGTERM)")]
    [InlineData(170, " (128 + 42: signal 42)")]
    [InlineData(255, "")]
    public void Exit_codes_above_128_are_decoded_as_signals(int exitCode, string expected) =>
        Assert.Equal(expected, RunInterpAudit.Signal(exitCode));

    [Fact]
    public void A_runner_that_outlives_the_timeout_is_stopped_and_reported_as_IA9002()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (_, engine, result) = Run("""echo "measuring"; sleep 60""", timeoutMs: 1500);
        Assert.False(result);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30));
        var error = Assert.Single(engine.Errors);
        Assert.Equal("IA9002", error.Code);
        Assert.Contains("measuring", error.Message);
    }

    [Fact]
    public void A_missing_runner_is_a_coded_error_not_an_exception()
    {
        var engine = new FakeBuildEngine();
        var task = new RunInterpAudit { BuildEngine = engine, RunnerPath = "/nowhere/interpaudit.dll", AssemblyPath = "a", ProjectPath = "p", OutputPath = "o" };
        Assert.False(task.Execute());
        Assert.Equal("IA3104", Assert.Single(engine.Errors).Code);
    }

    [Fact]
    public void Reports_lists_each_audits_files_with_audit_and_format_metadata()
    {
        var (task, _, result) = Run("""
            mkdir -p "$(dirname "$0")/out/digits"
            echo "{}" > "$(dirname "$0")/out/digits/metrics.json"
            echo "<p>" > "$(dirname "$0")/out/digits/report.html"
            echo "x" > "$(dirname "$0")/out/digits/.metrics.json.123.tmp"
            echo "{}" > "$(dirname "$0")/out/digits/last-run.json"
            exit 0
            """);
        Assert.True(result);
        // last-run.json records the attempt; it is not a report (and a second "json" item would be ambiguous).
        Assert.Equal(["html", "json"], task.Reports.Select(r => r.GetMetadata("Format")).Order());
        Assert.All(task.Reports, r => Assert.Equal("digits", r.GetMetadata("Audit")));
    }
}
