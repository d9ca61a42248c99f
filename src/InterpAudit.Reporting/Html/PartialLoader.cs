using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace InterpAudit.Reporting.Html;

/// <summary>
/// Finds the templates that <c>include</c> names: in the user template's own folder first (so a user
/// can replace one section's partial), then among the embedded templates. A name is a relative path
/// without extension, such as <c>sections/modularity</c>; a name that leaves the folder, is rooted,
/// or names no template is an error, so a string from the data cannot make a template read a file.
/// </summary>
internal sealed class PartialLoader(string? userFolder) : ITemplateLoader
{
    public const string Extension = ".scriban-html";
    private const string EmbeddedPrefix = "embedded:";

    public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName)
    {
        if (templateName.Length == 0 || Path.IsPathRooted(templateName) || templateName.Split('/', '\\').Any(part => part is "" or "." or ".."))
            throw new ScriptRuntimeException(callerSpan, $"'{templateName}' is not a partial name: expected a relative name such as 'sections/modularity', without '..'.");
        if (userFolder is not null)
        {
            string root = Path.GetFullPath(userFolder) + Path.DirectorySeparatorChar;
            string path = Path.GetFullPath(Path.Combine(root, templateName + Extension));
            if (path.StartsWith(root, StringComparison.Ordinal) && File.Exists(path)) return path;
        }
        if (TemplateResources.Exists(templateName + Extension)) return EmbeddedPrefix + templateName + Extension;
        throw new ScriptRuntimeException(callerSpan, $"No partial named '{templateName}': expected {templateName}{Extension} beside the template or among the built-in ones.");
    }

    public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        templatePath.StartsWith(EmbeddedPrefix, StringComparison.Ordinal)
            ? TemplateResources.Read(templatePath[EmbeddedPrefix.Length..])
            : File.ReadAllText(templatePath);

    public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        ValueTask.FromResult<string?>(Load(context, callerSpan, templatePath));
}
