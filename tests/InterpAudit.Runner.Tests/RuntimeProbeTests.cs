using System.Security.Cryptography;
using InterpAudit.Results;
using InterpAudit.Runner.Baselines;
using InterpAudit.Runner.Native;

namespace InterpAudit.Runner.Tests;

/// <summary>The versions and the baseline fingerprint that metrics.json records for reproducing a run.</summary>
public sealed class RuntimeProbeTests
{
    private static string DepsJson(string libraries)
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory("interpaudit-deps").FullName, "Model.deps.json");
        File.WriteAllText(path, $$"""{ "runtimeTarget": { "name": ".NETCoreApp,Version=v10.0" }, "libraries": { {{libraries}} } }""");
        return path;
    }

    [Fact]
    public void Libtorch_is_the_package_the_deps_json_lists_with_cuda_parts_once()
    {
        Assert.Equal("libtorch-cpu-linux-x64 2.10.0", RuntimeProbe.LibtorchPackages(DepsJson(
            """ "Model/1.0.0": { "type": "project" }, "TorchSharp/0.107.0": { "type": "package" }, "libtorch-cpu-linux-x64/2.10.0": { "type": "package" } """)));
        Assert.Equal("libtorch-cuda-12.8-linux-x64 2.10.0", RuntimeProbe.LibtorchPackages(DepsJson(
            """ "libtorch-cuda-12.8-linux-x64-part1/2.10.0": { "type": "package" }, "libtorch-cuda-12.8-linux-x64-part2/2.10.0": { "type": "package" } """)));
        Assert.Null(RuntimeProbe.LibtorchPackages(DepsJson(""" "TorchSharp/0.107.0": { "type": "package" } """)));
        Assert.Null(RuntimeProbe.LibtorchPackages("/nowhere/Model.deps.json"));
    }

    /// <summary>This test project references libtorch-cpu-linux-x64 (it stands in for the audited project).</summary>
    [Fact]
    public void The_probe_of_a_built_project_names_its_libtorch_and_torchsharp()
    {
        RuntimeVersions versions = RuntimeProbe.Of(typeof(RuntimeProbeTests).Assembly.Location);
        Assert.StartsWith("libtorch-cpu-linux-x64 ", versions.Libtorch);
        Assert.Equal(typeof(TorchSharp.torch).Assembly.GetName().Version!.ToString(3), versions.TorchSharp);
        Assert.StartsWith(".NET ", versions.Dotnet);
        Assert.NotEqual(RuntimeVersions.Unknown, versions.Os);
    }

    [Fact]
    public void The_baseline_fingerprint_is_the_sha256_of_the_file_and_null_without_one()
    {
        string directory = Directory.CreateTempSubdirectory("interpaudit-store").FullName;
        var store = new BaselineStore(directory);
        Assert.Null(store.Sha256("digits"));
        byte[] bytes = "{ \"schema\": 2 }\n"u8.ToArray();
        File.WriteAllBytes(store.BaselinePath("digits"), bytes);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), store.Sha256("digits"));
    }
}
