using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;
using InterpAudit.Diagnostics;

namespace InterpAudit.Runner.Native;

/// <summary>
/// Makes the runner's TorchSharp use the native backend (LibTorchSharp and libtorch) that the audited
/// project references, from that project's build output. The runner ships no native library of its
/// own: a packaged runner that carried libtorch-cpu-linux-x64 could audit neither on CUDA nor on
/// Windows or macOS, and its copy would not get the build's GLIBCXX fix
/// (build/InterpAudit.NativeCompat.targets), which only edits the project's output copies.
/// </summary>
/// <remarks>
/// TorchSharp (managed) is shared between the runner and the audited assembly
/// (<see cref="Discovery.UserAssemblyLoadContext"/>), so its native loads are the runner's: a
/// <see cref="NativeLibrary.SetDllImportResolver"/> callback catches its P/Invokes first, and the
/// default context's <see cref="AssemblyLoadContext.ResolvingUnmanagedDll"/> event catches
/// TorchSharp's own <c>NativeLibrary.TryLoad("torch_cpu" / "torch_cuda" / "LibTorchSharp")</c>
/// calls when the runner's folder has nothing (it never has). Both map a name to the project's
/// output: first its deps.json (the native assets of the packages it references, for this
/// platform), then <c>runtimes/&lt;rid&gt;/native/</c> and the output folder itself (libraries that
/// a package's targets copy without listing them, such as the CUDA packages' stitched fragments).
/// </remarks>
internal static class NativeBackend
{
    /// <summary>The audited project's output has no TorchSharp native backend (runner-side code; docs/diagnostics.md).</summary>
    public const string MissingCode = "IA3102";

    /// <summary>The audited project references another TorchSharp than the runner was built with.</summary>
    public const string VersionMismatchCode = "IA3103";

    // What TorchSharp loads: its own bindings, and libtorch's CPU library (present in CUDA builds too).
    private static readonly string[] Required = ["LibTorchSharp", "torch_cpu"];

    private static readonly object Gate = new();
    private static readonly Dictionary<string, IntPtr> Loaded = new(StringComparer.Ordinal);
    private static NativeLocation? _location;
    private static bool _hooked;

    /// <summary>The folder the backend resolves from, once <see cref="UseProjectBackend"/> found one there.</summary>
    public static string? ResolvedFrom => _location?.Directory;

    /// <summary>
    /// Requires the audited assembly's output to provide LibTorchSharp and libtorch (IA3102 otherwise,
    /// naming the package to add) with the TorchSharp version the runner was built with (IA3103), and
    /// routes TorchSharp's native loads there. A backend beside the runner itself (a test host that
    /// references libtorch) is accepted as well. Call before anything touches TorchSharp.
    /// </summary>
    /// <param name="assemblyPath">The audited assembly, in its build output.</param>
    /// <param name="runnerAssemblyPath">Where the runner is (tests point it elsewhere).</param>
    public static void UseProjectBackend(string assemblyPath, string? runnerAssemblyPath = null)
    {
        var location = NativeLocation.Of(assemblyPath);
        RequireSameTorchSharp(location);
        IReadOnlyList<string> missing = Missing(location);
        if (missing.Count > 0)
        {
            if (Missing(NativeLocation.Of(runnerAssemblyPath ?? typeof(NativeBackend).Assembly.Location)).Count == 0)
                return; // the runner's own folder has a backend: TorchSharp's default probing finds it
            throw new AuditInputException(MissingCode, MissingMessage(location.Directory, missing), location.Directory);
        }
        lock (Gate)
        {
            _location = location;
            if (_hooked) return;
            _hooked = true;
        }
        Assembly torchSharp = typeof(TorchSharp.torch).Assembly;
        try
        {
            NativeLibrary.SetDllImportResolver(torchSharp, (name, _, _) => Load(name));
        }
        catch (InvalidOperationException)
        {
            // TorchSharp set a resolver of its own: the event below still catches what its probing misses.
        }
        AssemblyLoadContext.Default.ResolvingUnmanagedDll += (assembly, name) => assembly == torchSharp ? Load(name) : IntPtr.Zero;
        // Loaded now, by path, libtorch before the bindings that need it. TorchSharp's own probing
        // asks the system loader for "torch_cpu" first, and the event above fires only when that
        // fails: on a machine with another libtorch on the loader's path (Debian's python3-torch puts
        // libtorch 1.13 in /usr/lib) it would succeed with the wrong one, and LibTorchSharp would then
        // fail to load. Once the project's copies are loaded, the loader hands them out for the bare
        // names too (it matches a loaded library's soname).
        foreach (string name in Required.Reverse()) Load(name);
    }

    /// <summary>The libraries TorchSharp needs that <paramref name="location"/> does not have.</summary>
    internal static IReadOnlyList<string> Missing(NativeLocation location) =>
        Required.Where(name => location.Resolve(name) is null).ToArray();

    private static IntPtr Load(string name)
    {
        lock (Gate)
        {
            if (Loaded.TryGetValue(name, out IntPtr handle)) return handle;
            if (_location?.Resolve(name) is not { } path) return IntPtr.Zero;
            // A library that fails to load (a missing system dependency) is left to TorchSharp's own
            // error, which names the library and the loader's reason.
            handle = NativeLibrary.TryLoad(path, out IntPtr loaded) ? loaded : IntPtr.Zero;
            if (handle != IntPtr.Zero) Loaded[name] = handle;
            return handle;
        }
    }

    private static void RequireSameTorchSharp(NativeLocation location)
    {
        Version? runner = typeof(TorchSharp.torch).Assembly.GetName().Version;
        Version? project = location.TorchSharpVersion();
        if (project is null || runner is null || project == runner) return;
        throw new AuditInputException(VersionMismatchCode,
            $"The audited project references TorchSharp {project} but this InterpAudit runner was built with TorchSharp {runner}: the runner drives the project's native LibTorchSharp, which must match its managed TorchSharp. Reference TorchSharp {Short(runner)} (and the libtorch package of the same release) in the training project, or use the InterpAudit version built for TorchSharp {Short(project)}.",
            location.Directory);
    }

    private static string Short(Version v) => $"{v.Major}.{v.Minor}.{v.Build}";

    internal static string MissingMessage(string directory, IReadOnlyList<string> missing) =>
        $"No native TorchSharp backend in '{directory}': {string.Join(" and ", missing)} not found there. The audit runs on the native libtorch the training project references, which none of its packages provides. Add one to the training project: {SuggestedPackage()}, or for an NVIDIA GPU TorchSharp-cuda-linux / TorchSharp-cuda-windows (README, \"Picking the backend\").";

    /// <summary>The CPU package for the platform the runner is on (the smallest that works here).</summary>
    internal static string SuggestedPackage()
    {
        string rid = NativeLocation.PortableRid();
        string package = rid switch
        {
            "linux-x64" => "libtorch-cpu-linux-x64",
            "win-x64" => "libtorch-cpu-win-x64",
            "osx-arm64" => "libtorch-cpu-osx-arm64",
            _ => "TorchSharp-cpu",
        };
        string version = package == "TorchSharp-cpu" ? Metadata("InterpAudit.TorchSharpVersion") : Metadata("InterpAudit.LibTorchVersion");
        return $"<PackageReference Include=\"{package}\" Version=\"{version}\" /> (CPU, this platform; TorchSharp-cpu has every platform's)";
    }

    private static string Metadata(string key) =>
        typeof(NativeBackend).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value ?? "…";
}
