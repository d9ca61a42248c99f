namespace InterpAudit.EndToEnd.Tests;

/// <summary>
/// Bad input through the whole build: a coded IA3xxx/IA9xxx error, a failed build, and no outputs
/// written for that audit (or the previous complete ones kept), only last-run.json recording the failed
/// run — never a stack trace.
/// </summary>
[Collection("fixture")]
public sealed class BadInputTests(FixtureProject fixture)
{
    [Theory]
    [InlineData("missing-weights", "IA3001", "never-trained.weights")]
    [InlineData("shape-mismatch", "IA3002", "'fc1.weight': expected [16, 4], found [8, 4]")]
    [InlineData("nan-data", "IA3007", "NaN or infinite inputs")]
    [InlineData("no-constructor", "IA3004", "NoConstructorAudit cannot be created: expected a non-abstract class with a public parameterless constructor")]
    public void Bad_input_is_a_coded_error_at_the_audit_and_writes_nothing(string audit, string code, string detail)
    {
        if (Directory.Exists(fixture.OutputOf(audit))) Directory.Delete(fixture.OutputOf(audit), recursive: true);
        DotnetBuild.Outcome build = fixture.Audit(audit);
        Assert.False(build.Succeeded, build.ToString());
        int line = fixture.LineOf($"[InterpretabilityAudit(\"{audit}\")]");
        Assert.Contains($"Audits.cs({line},2): error {code}: [{audit}]", build.Output);
        Assert.Contains(detail, build.Output);
        Assert.DoesNotContain("   at ", build.Output);
        Assert.Equal(["last-run.json"], Directory.GetFiles(fixture.OutputOf(audit)).Select(Path.GetFileName));
    }

    [Fact]
    public void A_layer_that_does_not_exist_is_IA3006_at_the_check_naming_the_layers_that_do()
    {
        if (Directory.Exists(fixture.OutputOf("unknown-layer"))) Directory.Delete(fixture.OutputOf("unknown-layer"), recursive: true);
        DotnetBuild.Outcome build = fixture.Audit("unknown-layer");
        Assert.False(build.Succeeded, build.ToString());
        int line = fixture.LineOf("[InformationCheck(\"fc9\"");
        Assert.Contains($"Audits.cs({line},2): error IA3006: [unknown-layer] Layer 'fc9' does not exist in Sequential: expected one of 'fc1', 'relu1', 'fc2'.", build.Output);
        Assert.Equal(["last-run.json"], Directory.GetFiles(fixture.OutputOf("unknown-layer")).Select(Path.GetFileName));
    }

    [Fact]
    public void An_unwritable_output_folder_is_IA3015_and_fails_the_build()
    {
        // A regular file where the output folder should be: no folder can be created there, even as root.
        string blocked = Path.Combine(Path.GetTempPath(), "interpaudit-blocked-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(blocked, "not a folder");
        DotnetBuild.Outcome build = fixture.Audit("passing", $"-p:InterpAuditOutputPath={blocked}/out/");
        Assert.False(build.Succeeded, build.ToString());
        Assert.Contains("error IA3015: [passing] Could not write the audit outputs to", build.Output);
        Assert.Contains("The previous outputs, if any, are unchanged.", build.Output);
    }

    [Fact]
    public void A_failed_run_keeps_the_previous_complete_outputs()
    {
        Assert.True(fixture.Audit("toggle").Succeeded);
        string metrics = Path.Combine(fixture.OutputOf("toggle"), "metrics.json");
        string before = File.ReadAllText(metrics);

        DotnetBuild.Outcome broken = fixture.Audit("toggle", new Dictionary<string, string> { ["FIXTURE_BREAK"] = "nan" });
        Assert.False(broken.Succeeded);
        Assert.Contains("error IA3007", broken.Output);
        Assert.Equal(before, File.ReadAllText(metrics));
        Assert.Equal(["junit.xml", "last-run.json", "metrics.json", "report.html", "results.sarif", "summary.md"], Directory.GetFiles(fixture.OutputOf("toggle")).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void A_runner_killed_mid_run_is_IA9001_and_keeps_the_previous_complete_outputs()
    {
        Assert.True(fixture.Audit("toggle").Succeeded);
        string output = fixture.OutputOf("toggle");
        Dictionary<string, string> before = Contents(output);

        DotnetBuild.Outcome killed = fixture.Audit("toggle", new Dictionary<string, string> { ["FIXTURE_BREAK"] = "kill" });

        Assert.False(killed.Succeeded);
        Assert.Contains("error IA9001: The InterpAudit runner exited with code 137 (128 + 9: SIGKILL", killed.Output);
        Assert.Contains("killing the runner mid-run", killed.Output);
        Assert.Equal(before, Contents(output));
        // The gate never passed: the next build runs the audit again rather than trusting a stamp.
        Assert.False(File.Exists(Path.Combine(fixture.Directory, "obj", "Debug", "net10.0", "interpaudit.stamp")));
    }

    /// <summary>Every file in <paramref name="directory"/> (temporary files included) by name.</summary>
    private static Dictionary<string, string> Contents(string directory) =>
        Directory.GetFiles(directory).ToDictionary(p => Path.GetFileName(p), File.ReadAllText);

    /// <summary>
    /// Two configurations of one project built at once with -m, both writing one shared
    /// InterpAuditOutputPath: both audits run and pass, and the folder holds one complete set of
    /// outputs (the renames of the two runs are serialised), with no temporary files left.
    /// </summary>
    [Fact]
    public void Two_configurations_built_at_once_into_one_output_folder_leave_one_complete_set()
    {
        string shared = Path.Combine(Path.GetTempPath(), "interpaudit-two-configurations", Guid.NewGuid().ToString("N"));
        string traversal = Path.Combine(shared, "both.proj");
        Directory.CreateDirectory(shared);
        string project = Path.Combine(fixture.Directory, "AuditFixture.csproj");
        File.WriteAllText(traversal, $"""
            <Project>
              <ItemGroup>
                <Configuration Include="{project}" AdditionalProperties="Configuration=Debug" />
                <Configuration Include="{project}" AdditionalProperties="Configuration=Release" />
              </ItemGroup>
              <Target Name="Build">
                <MSBuild Projects="@(Configuration)" BuildInParallel="true"
                         Properties="InterpAuditAudit=passing;InterpAuditOutputPath={shared}/out/" />
              </Target>
            </Project>
            """);
        // Release once on its own first, so that both configurations are built and the fixture's weights
        // are current: what runs at once below is the two audits, not two trainings.
        Assert.True(DotnetBuild.Run(fixture.Directory, "--no-restore", "-c", "Release", "-p:InterpAuditAudit=passing").Succeeded);
        foreach (string configuration in new[] { "Debug", "Release" })
            File.Delete(Path.Combine(fixture.Directory, "obj", configuration, "net10.0", "interpaudit.stamp"));

        DotnetBuild.Outcome both = DotnetBuild.Run(shared, "--no-restore", "-m:2", traversal);

        Assert.True(both.Succeeded, both.ToString());
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(both.Output, @"\[passing\] PASS").Count);
        string output = Path.Combine(shared, "out", "passing");
        Assert.Equal(["junit.xml", "last-run.json", "metrics.json", "report.html", "results.sarif", "summary.md"],
            Directory.GetFiles(output).Select(Path.GetFileName).Order());
        using var metrics = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "metrics.json")));
        Assert.Equal("passing", metrics.RootElement.GetProperty("audit").GetString());
    }

    [Fact]
    public void A_runner_crash_is_IA9001_with_the_runners_last_output()
    {
        DotnetBuild.Outcome build = fixture.Audit("crash");
        Assert.False(build.Succeeded);
        Assert.Contains("error IA9001: The InterpAudit runner exited with code 134", build.Output);
        Assert.Contains("about to crash", build.Output);
        Assert.Contains("interpaudit.log", build.Output);
    }

    [Fact]
    public void A_runner_timeout_is_IA9002_and_the_runner_is_stopped()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        DotnetBuild.Outcome build = fixture.Audit("slow", "-p:InterpAuditTimeout=5");
        Assert.False(build.Succeeded);
        Assert.Contains("error IA9002: The InterpAudit runner did not finish within InterpAuditTimeout (5 s)", build.Output);
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), $"took {clock.Elapsed}");
    }
}
