using System.Diagnostics;
using System.Text.Json;

namespace InterpAudit.Build.Tests;

/// <summary>
/// build/InterpAudit.Build.targets adds the IA0xxx analyzers to a consumer's compilation, once,
/// whatever else put them there. A minimal project imports the package's props and targets and
/// stands in an empty CoreCompile; `dotnet msbuild -getItem:Analyzer` shows what the compiler would get.
/// </summary>
public sealed class AnalyzerItemsTests
{
    private static readonly string BuildDirectory = Path.Combine(RepoRoot(), "build");

    private static IReadOnlyList<string> AnalyzersAfterCoreCompile(bool alreadyFromPackage, params string[] properties)
    {
        string directory = Path.Combine(Path.GetTempPath(), "interpaudit-analyzer-items", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        string project = Path.Combine(directory, "Consumer.proj");
        File.WriteAllText(project, $"""
            <Project>
              <Import Project="{BuildDirectory}/InterpAudit.Build.props" />
              <ItemGroup>
                <Analyzer Include="/sdk/analyzers/Other.Analyzers.dll" />
                <Analyzer Include="/nuget/interpaudit/0.1.0/analyzers/dotnet/cs/InterpAudit.Analyzers.dll" Condition="{alreadyFromPackage.ToString().ToLowerInvariant()}" />
              </ItemGroup>
              <Target Name="CoreCompile" />
              <Import Project="{BuildDirectory}/InterpAudit.Build.targets" />
            </Project>
            """);

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = directory };
        foreach (string argument in new[] { "msbuild", project, "-nologo", "-nodeReuse:false", "-t:CoreCompile", "-getItem:Analyzer" }.Concat(properties))
            start.ArgumentList.Add(argument);
        // The test host runs inside `dotnet test`, whose MSBuild variables would leak into the child.
        foreach (string key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(key);
        using Process process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, output + process.StandardError.ReadToEnd());

        using JsonDocument items = JsonDocument.Parse(output);
        return items.RootElement.GetProperty("Items").GetProperty("Analyzer").EnumerateArray()
            .Select(i => i.GetProperty("FullPath").GetString()!)
            .ToList();
    }

    [Fact]
    public void The_package_analyzers_are_added_by_default()
    {
        IReadOnlyList<string> analyzers = AnalyzersAfterCoreCompile(alreadyFromPackage: false);
        string packageAnalyzers = Path.GetFullPath(Path.Combine(BuildDirectory, "..", "analyzers", "dotnet", "cs"));
        Assert.Equal(
            ["/sdk/analyzers/Other.Analyzers.dll",
             Path.Combine(packageAnalyzers, "InterpAudit.Analyzers.dll"),
             Path.Combine(packageAnalyzers, "InterpAudit.Analyzers.CodeFixes.dll")],
            analyzers);
    }

    [Fact]
    public void An_analyzer_NuGet_already_added_from_the_package_is_not_added_twice()
    {
        IReadOnlyList<string> analyzers = AnalyzersAfterCoreCompile(alreadyFromPackage: true);
        Assert.Single(analyzers, a => Path.GetFileName(a) == "InterpAudit.Analyzers.dll");
        Assert.Single(analyzers, a => Path.GetFileName(a) == "InterpAudit.Analyzers.CodeFixes.dll");
    }

    [Fact]
    public void The_assemblies_can_be_pointed_elsewhere_or_switched_off()
    {
        Assert.Contains("/elsewhere/InterpAudit.Analyzers.dll",
            AnalyzersAfterCoreCompile(alreadyFromPackage: false, "-p:InterpAuditAnalyzerAssembly=/elsewhere/InterpAudit.Analyzers.dll"));
        Assert.Equal(["/sdk/analyzers/Other.Analyzers.dll"],
            AnalyzersAfterCoreCompile(alreadyFromPackage: false, "-p:InterpAuditAnalyzers=false"));
    }

    [Fact]
    public void Switched_off_they_are_removed_even_where_NuGet_added_them_from_the_package()
    {
        Assert.Equal(["/sdk/analyzers/Other.Analyzers.dll"],
            AnalyzersAfterCoreCompile(alreadyFromPackage: true, "-p:InterpAuditAnalyzers=false"));
    }

    private static string RepoRoot()
    {
        for (DirectoryInfo? d = new(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "InterpAudit.sln"))) return d.FullName;
        throw new InvalidOperationException("repository root not found");
    }
}
