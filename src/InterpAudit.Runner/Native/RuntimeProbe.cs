using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using InterpAudit.Results;

namespace InterpAudit.Runner.Native;

/// <summary>
/// The versions a reviewer needs to rerun an audit as it ran (metrics.json <c>runtime</c>): TorchSharp
/// (managed, shared with the audited project: <see cref="NativeBackend"/> refuses a mismatch),
/// libtorch as the package the project's deps.json lists — libtorch carries no version a caller can
/// read at run time, and its package version is its release —, .NET's and the operating system's.
/// </summary>
internal static partial class RuntimeProbe
{
    public static RuntimeVersions Of(string assemblyPath) => new(
        TorchSharp: typeof(TorchSharp.torch).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
                    ?? typeof(TorchSharp.torch).Assembly.GetName().Version?.ToString() ?? RuntimeVersions.Unknown,
        Libtorch: LibtorchPackages(Path.ChangeExtension(Path.GetFullPath(assemblyPath), ".deps.json")) ?? RuntimeVersions.Unknown,
        Dotnet: RuntimeInformation.FrameworkDescription,
        Os: $"{RuntimeInformation.OSDescription} ({RuntimeInformation.RuntimeIdentifier})");

    /// <summary>
    /// "name version" of each libtorch package in a deps.json's libraries, CUDA's split parts
    /// (<c>-part1</c>, <c>-part2</c>…) once; null when the file is missing, unreadable or lists none.
    /// </summary>
    internal static string? LibtorchPackages(string depsJson)
    {
        if (!File.Exists(depsJson)) return null;
        try
        {
            using FileStream stream = File.OpenRead(depsJson);
            using JsonDocument document = JsonDocument.Parse(stream);
            if (!document.RootElement.TryGetProperty("libraries", out JsonElement libraries) || libraries.ValueKind != JsonValueKind.Object) return null;
            string[] packages = libraries.EnumerateObject()
                .Select(l => l.Name.Split('/'))
                .Where(p => p.Length == 2 && p[0].StartsWith("libtorch-", StringComparison.OrdinalIgnoreCase))
                .Select(p => $"{Part().Replace(p[0], "")} {p[1]}")
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            return packages.Length == 0 ? null : string.Join(", ", packages);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"-part\d+(-\d+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Part();
}
