using InterpAudit.Diagnostics;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace InterpAudit.Reporting.Html;

/// <summary>
/// A parsed page template, built in or the user's, rendered over a typed view model through
/// <see cref="EscapingTemplateContext"/>. A user template that does not parse, cannot be read, or fails
/// while rendering (an unknown partial, a function called wrongly) is bad input, reported as
/// <see cref="DiagnosticCodes.ReportTemplateInvalid"/> with its line and column, never a stack trace.
/// </summary>
internal sealed class HtmlTemplate
{
    private readonly Template _template;
    private readonly string? _userPath;

    private HtmlTemplate(Template template, string? userPath)
    {
        _template = template;
        _userPath = userPath;
    }

    /// <summary>An embedded template, by its name under templates/; one that does not parse is a bug, not bad input.</summary>
    public static HtmlTemplate BuiltIn(string name)
    {
        Template template = Template.Parse(TemplateResources.Read(name), "templates/" + name);
        if (template.HasErrors) throw new InvalidOperationException($"The built-in template {name} does not parse: {Describe(template.Messages)}");
        return new HtmlTemplate(template, null);
    }

    public static HtmlTemplate FromFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw Invalid(path, $"it could not be read: {e.Message}", e);
        }
        Template template = Template.Parse(text, path);
        if (template.HasErrors) throw Invalid(path, Describe(template.Messages));
        return new HtmlTemplate(template, path);
    }

    public string Render(object model)
    {
        var context = new EscapingTemplateContext(new PartialLoader(_userPath is null ? null : Path.GetDirectoryName(Path.GetFullPath(_userPath))));
        var globals = new ScriptObject();
        globals.Import(model, renamer: context.MemberRenamer);
        context.PushGlobal(globals);
        try
        {
            return _template.Render(context);
        }
        catch (ScriptParserRuntimeException e) when (_userPath is not null)
        {
            // A partial that does not parse: its own lines, not the include's.
            throw Invalid(_userPath, $"{Where(e.Span)}: a partial it includes does not parse: {Describe(e.ParserMessages)}", e);
        }
        catch (ScriptRuntimeException e) when (_userPath is not null)
        {
            throw Invalid(_userPath, $"{Where(e.Span)}: {e.OriginalMessage}", e);
        }
    }

    private static AuditInputException Invalid(string path, string problem, Exception? inner = null) =>
        new(DiagnosticCodes.ReportTemplateInvalid,
            $"The report template '{path}' is not usable: {problem}. Expected a Scriban template over the view model described in docs/report-template.md; fix it, or unset InterpAuditReportTemplate (--template) to use the built-in one.",
            path, inner);

    private static string Describe(LogMessageBag messages) =>
        string.Join("; ", messages.Where(m => m.Type == ParserMessageType.Error).Select(m => $"{Where(m.Span)}: {m.Message}"));

    /// <summary>file(line,column), 1-based like a compiler's, for the build log.</summary>
    private static string Where(SourceSpan span) => $"{Path.GetFileName(span.FileName)}({span.Start.Line + 1},{span.Start.Column + 1})";
}
