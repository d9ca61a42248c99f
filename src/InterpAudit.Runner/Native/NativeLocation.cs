using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace InterpAudit.Runner.Native;

/// <summary>
/// Where an assembly's native libraries are: what its deps.json lists for this platform, else the
/// <c>runtimes/&lt;rid&gt;/native/</c> folders and the folder itself. Only finds files; loads nothing.
/// </summary>
internal sealed class NativeLocation
{
    private readonly AssemblyDependencyResolver? _resolver;

    private NativeLocation(string directory, AssemblyDependencyResolver? resolver)
    {
        Directory = directory;
        _resolver = resolver;
    }

    public string Directory { get; }

    public static NativeLocation Of(string assemblyPath)
    {
        string fullPath = Path.GetFullPath(assemblyPath);
        AssemblyDependencyResolver? resolver;
        try
        {
            resolver = new AssemblyDependencyResolver(fullPath);
        }
        catch (InvalidOperationException)
        {
            // No readable deps.json (a hand-copied folder): the folder probe below still applies.
            resolver = null;
        }
        return new NativeLocation(Path.GetDirectoryName(fullPath)!, resolver);
    }

    /// <summary>The full path of native library <paramref name="name"/> (as TorchSharp names it: "LibTorchSharp", "torch_cpu"), or null.</summary>
    public string? Resolve(string name)
    {
        if (_resolver?.ResolveUnmanagedDllToPath(name) is { } listed && File.Exists(listed))
            return listed;
        foreach (string folder in Folders())
            foreach (string file in FileNames(name))
            {
                string candidate = Path.Combine(folder, file);
                if (File.Exists(candidate)) return candidate;
            }
        return null;
    }

    /// <summary>The version of the TorchSharp assembly the project was built against, if it is in its output.</summary>
    public Version? TorchSharpVersion()
    {
        string? path = _resolver?.ResolveAssemblyToPath(new AssemblyName("TorchSharp"));
        path ??= Path.Combine(Directory, "TorchSharp.dll");
        if (!File.Exists(path)) return null;
        try
        {
            return AssemblyName.GetAssemblyName(path).Version;
        }
        catch (BadImageFormatException)
        {
            return null;
        }
    }

    /// <summary>The portable runtime identifier of this process (linux-x64, win-x64, osx-arm64, …).</summary>
    public static string PortableRid()
    {
        string os = OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux";
        return $"{os}-{RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant()}";
    }

    private IEnumerable<string> Folders()
    {
        yield return Path.Combine(Directory, "runtimes", PortableRid(), "native");
        yield return Directory;
    }

    private static IEnumerable<string> FileNames(string name)
    {
        if (OperatingSystem.IsWindows()) return [name + ".dll"];
        string suffix = OperatingSystem.IsMacOS() ? ".dylib" : ".so";
        return [$"lib{name}{suffix}", name + suffix];
    }
}
