using System.Reflection;
using System.Runtime.Loader;

namespace InterpAudit.Runner.Discovery;

/// <summary>
/// Loads the audited project's assembly and its dependencies (from its deps.json) apart from the
/// runner's, except the assemblies both sides exchange types through: InterpAudit.Abstractions
/// (the attributes and IAuditTarget) and TorchSharp (modules and tensors). Those come from the
/// runner, so an attribute or a module made by user code is the same type the runner checks for.
/// </summary>
internal sealed class UserAssemblyLoadContext : AssemblyLoadContext
{
    private static readonly HashSet<string> SharedWithRunner = new(StringComparer.OrdinalIgnoreCase)
    {
        "InterpAudit.Abstractions",
        "TorchSharp",
    };

    private readonly AssemblyDependencyResolver _resolver;

    public UserAssemblyLoadContext(string mainAssemblyPath)
        : base("InterpAudit.User." + Path.GetFileNameWithoutExtension(mainAssemblyPath))
    {
        _resolver = new AssemblyDependencyResolver(mainAssemblyPath);
    }

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (assemblyName.Name is { } name && SharedWithRunner.Contains(name))
            return null;
        string? path = _resolver.ResolveAssemblyToPath(assemblyName);
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        string? path = _resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }
}
