using System.Diagnostics;
using System.Xml.Linq;

namespace InterpAudit.EndToEnd.Tests;

/// <summary>
/// Issue #17: InterpAudit as a team installs it. Packs this repository (the README's command, with a
/// version no earlier run used, so the NuGet cache cannot serve a stale package) into a folder feed,
/// and writes a training project outside the repository — its own NuGet.config (that feed plus the
/// repository's sources) and global.json — that references <c>InterpAudit</c> with a
/// <c>PackageReference</c> and TorchSharp with libtorch-cpu-linux-x64, as samples/MnistAudit does. Its
/// model is one Linear layer whose seeded weights the project's own program writes before the audit;
/// its data is noise labelled in turn, so that any weights get about a third right.
/// </summary>
public sealed class PackagedConsumer : IDisposable
{
    public PackagedConsumer()
    {
        Directory.CreateDirectory(Feed);
        var clock = Stopwatch.StartNew();
        Packed = DotnetBuild.Exec(DotnetBuild.RepoRoot, new Dictionary<string, string>(),
            "pack", Path.Combine(DotnetBuild.RepoRoot, "InterpAudit.Packages.slnf"), "-c", "Release", "-o", Feed,
            $"-p:PackageVersion={Version}", "-nologo", "-nodeReuse:false", "-p:UseSharedCompilation=false");
        PackTime = clock.Elapsed;
        if (!Packed.Succeeded)
            throw new InvalidOperationException("dotnet pack of the repository failed:\n" + Packed);
        WriteProject();
    }

    /// <summary>Unique per run: a version the NuGet cache has never seen.</summary>
    public string Version { get; } = $"0.1.0-e2e.{DateTime.UtcNow:yyyyMMddHHmmss}{Environment.ProcessId % 1000:D3}";

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "interpaudit-package-e2e-" + Guid.NewGuid().ToString("N")[..12]);

    public string Feed => Path.Combine(Root, "feed");

    public string ProjectDirectory => Path.Combine(Root, "TinyAudit");

    public string AuditsFile => Path.Combine(ProjectDirectory, "Audits.cs");

    public DotnetBuild.Outcome Packed { get; }

    public TimeSpan PackTime { get; }

    public string Package(string id) => Path.Combine(Feed, $"{id}.{Version}.nupkg");

    public string OutputOf(string audit) => Path.Combine(ProjectDirectory, "bin", "Debug", "net10.0", "interpaudit", audit);

    /// <summary>A <c>dotnet build</c> of the consumer, as its developers would run it.</summary>
    public DotnetBuild.Outcome Build(params string[] arguments) => DotnetBuild.Run(ProjectDirectory, arguments);

    /// <summary>The 1-based line of the first line in Audits.cs that contains <paramref name="text"/>.</summary>
    public int LineOf(string text) => Array.FindIndex(File.ReadAllLines(AuditsFile), l => l.Contains(text, StringComparison.Ordinal)) + 1;

    /// <summary>The repository's package sources, after the feed: the consumer restores TorchSharp from where the repository does.</summary>
    public string NuGetConfig()
    {
        XDocument repository = XDocument.Load(Path.Combine(DotnetBuild.RepoRoot, "NuGet.config"));
        IEnumerable<XElement> sources = repository.Descendants("packageSources").Elements("add").Select(e => new XElement(e));
        return new XDocument(new XElement("configuration",
            new XElement("packageSources",
                new XElement("clear"),
                new XElement("add", new XAttribute("key", "interpaudit-e2e"), new XAttribute("value", Feed)),
                sources))).ToString();
    }

    private void WriteProject()
    {
        Directory.CreateDirectory(ProjectDirectory);
        File.WriteAllText(Path.Combine(Root, "NuGet.config"), NuGetConfig());
        File.Copy(Path.Combine(DotnetBuild.RepoRoot, "global.json"), Path.Combine(Root, "global.json"));
        File.WriteAllText(Path.Combine(ProjectDirectory, "TinyAudit.csproj"), $$"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <InterpAuditDependsOn>$(InterpAuditDependsOn);MakeTinyWeights</InterpAuditDependsOn>
                <InterpAuditThreads>1</InterpAuditThreads>
                <TinyWeights>$(MSBuildProjectDirectory)/obj/tiny.weights</TinyWeights>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="InterpAudit" Version="{{Version}}" />
                <PackageReference Include="TorchSharp" Version="0.107.0" />
                <PackageReference Include="libtorch-cpu-linux-x64" Version="2.10.0" />
                <InterpAuditInput Include="$(TinyWeights)" />
              </ItemGroup>
              <Target Name="MakeTinyWeights" Inputs="$(TargetPath)" Outputs="$(TinyWeights)">
                <Exec Command="&quot;$(DOTNET_HOST_PATH)&quot; &quot;$(TargetPath)&quot; &quot;$(TinyWeights)&quot;" />
              </Target>
            </Project>
            """);
        File.WriteAllText(Path.Combine(ProjectDirectory, "Program.cs"), """
            // Writes the audited weights: seeded, untrained (the build runs this before the audit).
            using TorchSharp;

            torch.manual_seed(1);
            using var model = TinyAudit.TinyModel.Create();
            string path = args[0];
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            model.save(path + ".tmp");
            File.Move(path + ".tmp", path, overwrite: true);
            """);
        File.WriteAllText(Path.Combine(ProjectDirectory, "TinyModel.cs"), """
            using InterpAudit;
            using static TorchSharp.torch;

            namespace TinyAudit;

            public static class TinyModel
            {
                public static nn.Module<Tensor, Tensor> Create() => nn.Sequential(("fc", nn.Linear(4, 3)));

                public static IEnumerable<LabelledBatch> Noise(int batchSize, int samples = 150)
                {
                    var random = new Random(7);
                    for (int start = 0; start < samples; start += batchSize)
                    {
                        int n = Math.Min(batchSize, samples - start);
                        var inputs = new float[n * 4];
                        var labels = new long[n];
                        for (int i = 0; i < n; i++)
                        {
                            labels[i] = (start + i) % 3;
                            for (int j = 0; j < 4; j++) inputs[i * 4 + j] = (float)(random.NextDouble() - 0.5);
                        }
                        yield return new LabelledBatch(tensor(inputs, [n, 4]), tensor(labels, [n]));
                    }
                }
            }
            """);
        File.WriteAllText(AuditsFile, """
            using InterpAudit;
            using static TorchSharp.torch;

            namespace TinyAudit;

            public abstract class TinyAuditBase : IAuditTarget
            {
                public IReadOnlyList<string> ClassNames { get; } = ["a", "b", "c"];
                public string WeightsPath => "obj/tiny.weights";
                public nn.Module<Tensor, Tensor> CreateModel() => TinyModel.Create();
                public IEnumerable<LabelledBatch> EvaluationBatches(int batchSize) => TinyModel.Noise(batchSize);
            }

            [InterpretabilityAudit("passing")]
            [AccuracyCheck(MinOverall = 0.0)]
            public sealed class PassingAudit : TinyAuditBase;

            [InterpretabilityAudit("failing")]
            [AccuracyCheck(MinOverall = 0.99)]
            public sealed class FailingAudit : TinyAuditBase;
            """);
    }

    public void Dispose()
    {
        // The unique version's copies in the NuGet cache would pile up run after run.
        string cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } set
            ? set : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (string id in new[] { "interpaudit", "interpaudit.training" })
        {
            string extracted = Path.Combine(cache, id, Version.ToLowerInvariant());
            if (Directory.Exists(extracted)) Directory.Delete(extracted, recursive: true);
            string folder = Path.Combine(cache, id);
            if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any()) Directory.Delete(folder);
        }
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }
}
