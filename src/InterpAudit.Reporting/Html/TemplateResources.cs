using System.Reflection;

namespace InterpAudit.Reporting.Html;

/// <summary>The templates and stylesheet embedded from the repository's templates/ folder, by their path there.</summary>
internal static class TemplateResources
{
    private const string Prefix = "InterpAudit.Reporting.Templates.";
    private static readonly Assembly Assembly = typeof(TemplateResources).Assembly;

    public static bool Exists(string name) => Assembly.GetManifestResourceInfo(Prefix + name) is not null;

    public static string Read(string name)
    {
        using Stream stream = Assembly.GetManifestResourceStream(Prefix + name)
            ?? throw new InvalidOperationException($"Embedded template {name} is missing from {Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The stylesheet both pages inline: the tool's own, so written as it is.</summary>
    public static TrustedHtml Css { get; } = new(Read("report.css"));
}
