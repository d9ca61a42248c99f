using System.Diagnostics;

namespace InterpAudit.Build.Tests;

/// <summary>
/// Issue #17: a consumer whose package lacks the runner or the task (or whose override points
/// nowhere) must get a coded error, never "Build succeeded" without an audit. A minimal project
/// imports build/ as the package does; in this repository build/../tools and ../tasks do not exist,
/// which is exactly an incomplete package.
/// </summary>
public sealed class MissingToolsTests
{
    private static readonly string BuildDirectory = Path.Combine(RepoRoot(), "build");

    private static (int ExitCode, string Output) RunAuditTarget(params string[] properties)
    {
        string directory = Path.Combine(Path.GetTempPath(), "interpaudit-missing-tools", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        string project = Path.Combine(directory, "Consumer.proj");
        File.WriteAllText(project, $"""
            <Project>
              <Import Project="{BuildDirectory}/InterpAudit.Build.props" />
              <PropertyGroup><InterpAuditNativeCompat>false</InterpAuditNativeCompat></PropertyGroup>
              <Target Name="Build" />
              <Import Project="{BuildDirectory}/InterpAudit.Build.targets" />
            </Project>
            """);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = directory };
        foreach (string argument in new[] { "msbuild", project, "-nologo", "-nodeReuse:false", "-t:Build" }.Concat(properties))
            start.ArgumentList.Add(argument);
        foreach (string key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(key);
        using Process process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        Directory.Delete(directory, recursive: true);
        return (process.ExitCode, output);
    }

    [Fact]
    public void A_package_without_its_task_fails_the_build_with_IA3104()
    {
        (int exitCode, string output) = RunAuditTarget();
        Assert.NotEqual(0, exitCode);
        Assert.Contains("error IA3104: InterpAudit's MSBuild task '", output);
        Assert.Contains("tasks/netstandard2.0/InterpAudit.Build.dll' does not exist", output);
    }

    [Fact]
    public void A_runner_that_is_not_there_fails_the_build_with_IA3104_even_when_the_task_is()
    {
        string task = typeof(RunInterpAudit).Assembly.Location;
        (int exitCode, string output) = RunAuditTarget($"-p:InterpAuditTaskAssembly={task}", "-p:InterpAuditRunnerPath=/nowhere/interpaudit.dll");
        Assert.NotEqual(0, exitCode);
        Assert.Contains("error IA3104: InterpAudit's runner '/nowhere/interpaudit.dll' does not exist", output);
        Assert.DoesNotContain("MSB4062", output);
    }

    [Fact]
    public void Switched_off_nothing_is_required()
    {
        (int exitCode, string output) = RunAuditTarget("-p:InterpAuditEnabled=false");
        Assert.True(exitCode == 0, output);
    }

    private static string RepoRoot()
    {
        for (DirectoryInfo? d = new(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "InterpAudit.sln"))) return d.FullName;
        throw new InvalidOperationException("repository root not found");
    }
}
