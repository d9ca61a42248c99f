using System.Reflection;

namespace InterpAudit.Reporting;

/// <summary>
/// Absolute links to a code's section of docs/diagnostics.md in the repository the tool was built from:
/// <c>{repository}/blob/{commit}/docs/diagnostics.md#ia1001</c>, so a link matches the docs of the very
/// version that wrote it. Without an https repository URL there are no links (null), never relative ones.
/// </summary>
public sealed class HelpLinks(string? repositoryUrl, string? revision)
{
    /// <summary>The repository URL and commit the build stamped into this assembly (AssemblyMetadata).</summary>
    public static HelpLinks FromBuild { get; } = new(Metadata("InterpAuditRepositoryUrl"), Metadata("InterpAuditSourceRevision"));

    public Uri? For(string code)
    {
        if (repositoryUrl is null || !Uri.TryCreate(repositoryUrl.Trim(), UriKind.Absolute, out Uri? repository) || repository.Scheme != Uri.UriSchemeHttps)
            return null;
        string root = repository.AbsoluteUri.TrimEnd('/');
        if (root.EndsWith(".git", StringComparison.Ordinal)) root = root[..^4];
        string at = string.IsNullOrWhiteSpace(revision) ? "main" : revision.Trim();
        return new Uri($"{root}/blob/{at}/docs/diagnostics.md#{code.ToLowerInvariant()}");
    }

    private static string? Metadata(string key) =>
        typeof(HelpLinks).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value is { Length: > 0 } value
            ? value : null;
}
