using System.Reflection;
using InterpAudit.Diagnostics;
using InterpAudit.Runner.Native;

namespace InterpAudit.Runner.Tests;

/// <summary>
/// The runner ships no libtorch: it resolves TorchSharp's native libraries from the audited project's
/// output (issue #17). This test project references libtorch-cpu-linux-x64, so its own output is
/// laid out exactly like a training project's.
/// </summary>
public sealed class NativeBackendTests
{
    private static readonly string ThisOutput = typeof(NativeBackendTests).Assembly.Location;

    [Fact]
    public void A_projects_output_resolves_LibTorchSharp_and_libtorch_from_its_deps_json()
    {
        NativeLocation location = NativeLocation.Of(ThisOutput);
        string native = Path.Combine(Path.GetDirectoryName(ThisOutput)!, "runtimes", NativeLocation.PortableRid(), "native");
        Assert.Equal(Path.Combine(native, "libLibTorchSharp.so"), location.Resolve("LibTorchSharp"));
        Assert.Equal(Path.Combine(native, "libtorch_cpu.so"), location.Resolve("torch_cpu"));
        Assert.Empty(NativeBackend.Missing(location));
    }

    [Fact]
    public void Without_a_deps_json_the_runtimes_folder_is_probed()
    {
        string directory = Scratch();
        string native = Path.Combine(directory, "runtimes", NativeLocation.PortableRid(), "native");
        Directory.CreateDirectory(native);
        File.WriteAllText(Path.Combine(native, "libtorch_cpu.so"), "");
        File.WriteAllText(Path.Combine(directory, "libLibTorchSharp.so"), "");
        NativeLocation location = NativeLocation.Of(Path.Combine(directory, "Model.dll"));
        Assert.Equal(Path.Combine(native, "libtorch_cpu.so"), location.Resolve("torch_cpu"));
        Assert.Equal(Path.Combine(directory, "libLibTorchSharp.so"), location.Resolve("LibTorchSharp"));
    }

    [Fact]
    public void A_project_without_a_native_backend_is_IA3102_naming_the_package_to_add()
    {
        string directory = Scratch();
        string model = Path.Combine(directory, "Model.dll");
        File.Copy(typeof(IAuditTarget).Assembly.Location, model);
        // The runner stands in an empty folder too, as in the package (tools/ has no native library).
        var error = Assert.Throws<AuditInputException>(() => NativeBackend.UseProjectBackend(model, runnerAssemblyPath: model));
        Assert.Equal("IA3102", error.Code);
        Assert.Contains($"No native TorchSharp backend in '{directory}': LibTorchSharp and torch_cpu not found there.", error.Message);
        Assert.Contains("<PackageReference Include=\"libtorch-cpu-linux-x64\" Version=\"2.10.0\" />", error.Message);
        Assert.Contains("TorchSharp-cuda-linux", error.Message);
    }

    [Fact]
    public void The_runners_codes_are_documented_and_not_Cores()
    {
        string docs = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "diagnostics.md"));
        HashSet<string> core = typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToHashSet();
        foreach (string code in new[] { NativeBackend.MissingCode, NativeBackend.VersionMismatchCode, "IA3104" })
        {
            Assert.Contains($"| {code} |", docs);
            Assert.DoesNotContain(code, core);
        }
    }

    private static string Scratch()
    {
        string directory = Path.Combine(Path.GetTempPath(), "interpaudit-native", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return directory;
    }

    private static string RepoRoot()
    {
        for (DirectoryInfo? d = new(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "InterpAudit.sln"))) return d.FullName;
        throw new InvalidOperationException("repository root not found");
    }
}
