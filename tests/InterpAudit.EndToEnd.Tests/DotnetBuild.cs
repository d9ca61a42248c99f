using System.Diagnostics;

namespace InterpAudit.EndToEnd.Tests;

/// <summary>Runs <c>dotnet build</c> as a user would, in a clean environment, and captures everything it prints.</summary>
public static class DotnetBuild
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public sealed record Outcome(int ExitCode, string Output)
    {
        public bool Succeeded => ExitCode == 0;

        public override string ToString() => $"exit {ExitCode}\n{Output}";
    }

    public static Outcome Run(string projectDirectory, params string[] arguments) =>
        Run(projectDirectory, new Dictionary<string, string>(), arguments);

    public static Outcome Run(string projectDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        Exec(projectDirectory, environment, new[] { "build", "-nologo", "-nodeReuse:false", "-p:UseSharedCompilation=false" }.Concat(arguments).ToArray());

    /// <summary>Runs <c>dotnet</c> with the given arguments (a build, or an app such as the runner) in the same clean environment.</summary>
    public static Outcome Exec(string projectDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = projectDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string argument in arguments)
            start.ArgumentList.Add(argument);
        // The test host runs inside `dotnet test`, whose MSBuild variables would leak into the child build.
        foreach (string key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase) || k == "DOTNET_HOST_PATH").ToList())
            start.Environment.Remove(key);
        foreach ((string key, string value) in environment)
            start.Environment[key] = value;

        using Process process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(8)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} did not finish in 8 minutes.\n{output}");
        }
        return new Outcome(process.ExitCode, output + error.Result);
    }

    private static string FindRepoRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "InterpAudit.sln")))
                return directory.FullName;
        throw new InvalidOperationException("InterpAudit.sln not found above " + AppContext.BaseDirectory);
    }
}
