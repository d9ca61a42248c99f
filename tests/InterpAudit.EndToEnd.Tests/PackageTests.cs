using System.IO.Compression;
using System.Text.Json;
using System.Xml.Linq;
using Xunit.Abstractions;

namespace InterpAudit.EndToEnd.Tests;

/// <summary>
/// Issue #17 end to end: the packages a team installs, from a folder feed, in a project outside the
/// repository (<see cref="PackagedConsumer"/>): the audit runs with the package's task and runner on
/// the project's own native backend, fails at the attribute, writes its report, is skipped when
/// nothing changed, the analyzers report an impossible bound, and nothing of it reaches a project
/// that only references the training project.
/// </summary>
public sealed class PackageTests(PackagedConsumer consumer, ITestOutputHelper log) : IClassFixture<PackagedConsumer>
{
    [Fact]
    public void The_InterpAudit_package_holds_build_task_runner_analyzers_and_lib()
    {
        log.WriteLine($"dotnet pack InterpAudit.Packages.slnf: {consumer.PackTime.TotalSeconds:F0} s");
        using ZipArchive package = ZipFile.OpenRead(consumer.Package("InterpAudit"));
        HashSet<string> entries = package.Entries.Select(e => e.FullName).ToHashSet();
        Assert.Superset(new HashSet<string>
        {
            "README.md",
            "build/InterpAudit.props", "build/InterpAudit.targets",
            "build/InterpAudit.NativeCompat.targets", "build/WeakenGlibcxxRequirement.cs",
            "tasks/netstandard2.0/InterpAudit.Build.dll",
            "tools/net10.0/interpaudit.dll", "tools/net10.0/interpaudit.runtimeconfig.json", "tools/net10.0/interpaudit.deps.json",
            "tools/net10.0/InterpAudit.Core.dll", "tools/net10.0/InterpAudit.Reporting.dll", "tools/net10.0/TorchSharp.dll",
            "analyzers/dotnet/cs/InterpAudit.Analyzers.dll", "analyzers/dotnet/cs/InterpAudit.Analyzers.CodeFixes.dll",
            "lib/net10.0/InterpAudit.Abstractions.dll",
        }, entries);
        // The runner carries no native library: it runs on the project's backend (IA3102 without one).
        Assert.DoesNotContain(entries, e => e.StartsWith("tools/", StringComparison.Ordinal) && (e.Contains("/runtimes/") || e.EndsWith(".so", StringComparison.Ordinal) || e.EndsWith(".dylib", StringComparison.Ordinal)));
        // Only what the direct referencer should get: no buildTransitive/, and MSBuild is not shipped.
        Assert.DoesNotContain(entries, e => e.StartsWith("buildTransitive/", StringComparison.Ordinal) || e.Contains("Microsoft.Build.", StringComparison.Ordinal));

        XElement metadata = Nuspec(package).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        Assert.Equal("MIT", metadata.Elements().Single(e => e.Name.LocalName == "license").Value);
        Assert.Equal("README.md", metadata.Elements().Single(e => e.Name.LocalName == "readme").Value);
        Assert.NotNull(metadata.Elements().Single(e => e.Name.LocalName == "repository").Attribute("commit"));
    }

    [Fact]
    public void The_Training_package_ships_Core_and_depends_on_InterpAudits_lib_only()
    {
        using ZipArchive package = ZipFile.OpenRead(consumer.Package("InterpAudit.Training"));
        Assert.Superset(new HashSet<string> { "README.md", "lib/net10.0/InterpAudit.Training.dll", "lib/net10.0/InterpAudit.Core.dll" },
            package.Entries.Select(e => e.FullName).ToHashSet());
        XElement dependency = Nuspec(package).Descendants().Single(e => e.Name.LocalName == "dependency" && (string?)e.Attribute("id") == "InterpAudit");
        Assert.Equal($"[{consumer.Version}]", (string?)dependency.Attribute("version"));
        Assert.Equal("Build,Analyzers", (string?)dependency.Attribute("exclude"));
    }

    [Fact]
    public void A_failing_threshold_fails_the_build_at_its_attribute_and_still_writes_the_report()
    {
        DotnetBuild.Outcome build = Timed("failing audit", "-p:InterpAuditAudit=failing");
        Assert.False(build.Succeeded, build.ToString());
        Assert.Contains($"Audits.cs({consumer.LineOf("MinOverall = 0.99")},2): error IA1001: [failing] accuracy(overall) = ", build.Output);
        Assert.Contains(" is below its minimum 0.99.", build.Output);
        Assert.DoesNotContain("IA3102", build.Output);
        Assert.True(File.Exists(Path.Combine(consumer.OutputOf("failing"), "report.html")), build.ToString());
        using JsonDocument metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(consumer.OutputOf("failing"), "metrics.json")));
        Assert.Equal("fail", metrics.RootElement.GetProperty("verdict").GetString());
    }

    [Fact]
    public void A_passing_audit_writes_its_outputs_and_a_rebuild_with_nothing_changed_skips_it()
    {
        DotnetBuild.Outcome first = Timed("passing audit", "-p:InterpAuditAudit=passing");
        Assert.True(first.Succeeded, first.ToString());
        string metrics = Path.Combine(consumer.OutputOf("passing"), "metrics.json");
        Assert.True(File.Exists(Path.Combine(consumer.OutputOf("passing"), "report.html")), first.ToString());
        DateTime written = File.GetLastWriteTimeUtc(metrics);

        DotnetBuild.Outcome again = Timed("no-op rebuild", "-p:InterpAuditAudit=passing");
        Assert.True(again.Succeeded, again.ToString());
        Assert.DoesNotContain("[passing]", again.Output);
        Assert.Equal(written, File.GetLastWriteTimeUtc(metrics));
    }

    [Fact]
    public void The_packages_analyzers_report_an_impossible_bound_as_IA0001()
    {
        string file = Path.Combine(consumer.ProjectDirectory, "Impossible.cs");
        File.WriteAllText(file, """
            using InterpAudit;

            namespace TinyAudit;

            [InterpretabilityAudit("impossible")]
            [AccuracyCheck(Min = 1.5)]
            public sealed class ImpossibleAudit : TinyAuditBase;
            """);
        try
        {
            DotnetBuild.Outcome build = Timed("impossible bound", "-p:InterpAuditAudit=passing");
            Assert.False(build.Succeeded, build.ToString());
            Assert.Contains("Impossible.cs(6,16): error IA0001: [AccuracyCheck] Min = 1.5 is outside [0, 1]", build.Output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_project_that_references_the_training_project_gets_its_lib_but_not_the_audit()
    {
        string app = Path.Combine(consumer.Root, "App");
        Directory.CreateDirectory(app);
        File.WriteAllText(Path.Combine(app, "App.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
              <ItemGroup><ProjectReference Include="../TinyAudit/TinyAudit.csproj" /></ItemGroup>
            </Project>
            """);
        DotnetBuild.Outcome restore = DotnetBuild.Exec(app, new Dictionary<string, string>(), "restore", "-nologo");
        Assert.True(restore.Succeeded, restore.ToString());
        Assert.DoesNotContain("InterpAudit", File.ReadAllText(Path.Combine(app, "obj", "App.csproj.nuget.g.targets")), StringComparison.OrdinalIgnoreCase);
        using JsonDocument assets = JsonDocument.Parse(File.ReadAllText(Path.Combine(app, "obj", "project.assets.json")));
        JsonElement interpAudit = assets.RootElement.GetProperty("targets").GetProperty("net10.0").GetProperty($"InterpAudit/{consumer.Version}");
        Assert.True(interpAudit.GetProperty("runtime").TryGetProperty("lib/net10.0/InterpAudit.Abstractions.dll", out _));
        Assert.Equal(["build/_._"], interpAudit.GetProperty("build").EnumerateObject().Select(p => p.Name));
    }

    /// <summary>
    /// The README's sharded CI definitions (#19 point 4) with the package: two shard builds, their
    /// files laid out as download-artifact lays them, and the merge job's two commands — the runner's
    /// path from <c>-getProperty:InterpAuditRunnerPath</c>, then <c>merge</c> — which judges both audits
    /// as one unsharded build would: the failing one at its attribute, exit 1, every output written.
    /// </summary>
    [Fact]
    public void The_READMEs_merge_job_finds_the_packages_runner_and_judges_the_shards_as_the_unsharded_build()
    {
        string shards = Path.Combine(consumer.Root, "shards");
        foreach (int index in new[] { 1, 2 })
        {
            DotnetBuild.Outcome shard = Timed($"shard {index}/2", $"-p:InterpAuditShard={index}/2");
            Assert.True(shard.Succeeded, shard.ToString());   // a shard judges nothing, so the failing audit's shard passes
            foreach (string audit in new[] { "passing", "failing" })
            {
                string file = Path.Combine(consumer.OutputOf(audit), $"metrics.shard-{index}-of-2.json");
                Assert.True(File.Exists(file), $"{file} not written\n{shard}");
                string artifact = Path.Combine(shards, $"interpaudit-shard-{index}", audit);
                Directory.CreateDirectory(artifact);
                File.Move(file, Path.Combine(artifact, Path.GetFileName(file)));
            }
        }

        var none = new Dictionary<string, string>();
        DotnetBuild.Outcome property = DotnetBuild.Exec(consumer.Root, none, "msbuild", "TinyAudit/TinyAudit.csproj", "-nologo", "-getProperty:InterpAuditRunnerPath");
        Assert.True(property.Succeeded, property.ToString());
        string runner = property.Output.Trim();
        Assert.EndsWith(Path.Combine("tools", "net10.0", "interpaudit.dll"), runner);
        Assert.True(File.Exists(runner), $"'{runner}' does not exist");

        string[] files = Directory.GetFiles(shards, "metrics.shard-*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(4, files.Length);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        DotnetBuild.Outcome merge = DotnetBuild.Exec(consumer.Root, none,
            ["exec", runner, "merge", .. files, "--output", "interpaudit", "--baseline-dir", "TinyAudit"]);
        log.WriteLine($"merge: {clock.Elapsed.TotalSeconds:F1} s");

        Assert.Equal(1, merge.ExitCode);
        Assert.Contains($"Audits.cs({consumer.LineOf("MinOverall = 0.99")},2): error IA1001: [failing] accuracy(overall) = ", merge.Output);
        Assert.DoesNotContain("   at ", merge.Output);
        foreach (string audit in new[] { "passing", "failing" })
        {
            string merged = Path.Combine(consumer.Root, "interpaudit", audit);
            foreach (string output in new[] { "metrics.json", "report.html", "results.sarif", "junit.xml", "summary.md" })
                Assert.True(File.Exists(Path.Combine(merged, output)), $"{audit}/{output} not written\n{merge}");
            using JsonDocument metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(merged, "metrics.json")));
            Assert.Equal(audit == "passing" ? "pass" : "fail", metrics.RootElement.GetProperty("verdict").GetString());
            Assert.False(metrics.RootElement.TryGetProperty("shard", out _), "a merged metrics.json is a complete audit's");
        }
    }

    private DotnetBuild.Outcome Timed(string what, params string[] arguments)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        DotnetBuild.Outcome outcome = consumer.Build(arguments);
        log.WriteLine($"{what}: {clock.Elapsed.TotalSeconds:F0} s");
        return outcome;
    }

    private static XDocument Nuspec(ZipArchive package)
    {
        using Stream stream = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        return XDocument.Load(stream);
    }
}
