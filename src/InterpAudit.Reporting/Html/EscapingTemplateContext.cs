using Scriban;
using Scriban.Functions;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace InterpAudit.Reporting.Html;

/// <summary>
/// The one place HTML escaping happens. Scriban writes every <c>{{ expr }}</c> through
/// <see cref="Write(SourceSpan, object)"/> (literal template text goes another way), so escaping here
/// means no template, built-in or the user's, can forget it: a value is written raw only when it is
/// <see cref="TrustedHtml"/>. Built-ins that would turn data into template code or read files by a name
/// from the data are not offered; <c>include</c> goes through <see cref="PartialLoader"/> and its result
/// is trusted because the partial was rendered by this same context.
/// </summary>
internal sealed class EscapingTemplateContext : TemplateContext
{
    public EscapingTemplateContext(PartialLoader partials) : base(Builtins())
    {
        TemplateLoader = partials;
        // A report is as long as its data: heat maps of every weight can exceed Scriban's defaults of
        // 1000 loop iterations and 1 MiB of output, which would truncate it without an error.
        LoopLimit = 0;
        LimitToString = 0;
        // Output is HTML, where indentation means nothing; indenting each line of an included partial
        // or a multi-line value by its tag's column would only change the text.
        AutoIndent = false;
    }

    public override TemplateContext Write(SourceSpan span, object? textAsObject)
    {
        if (textAsObject is TrustedHtml trusted) Write(trusted.Markup);
        else if (textAsObject is not null && ObjectToString(textAsObject) is { } text) Write(HtmlText.Escape(text));
        return this;
    }

    private static ScriptObject Builtins()
    {
        var builtins = new BuiltinFunctions();
        var include = (IScriptCustomFunction)builtins["include"]!;
        builtins.Remove("include");
        builtins.SetValue("include", new TrustedInclude(include), true);
        // include_join joins its partials into a plain string, which would be escaped a second time.
        builtins.Remove("include_join");
        // object.eval and object.eval_template parse a string as Scriban: a layer named "{{ ... }}"
        // must stay text. The object builtins are shared, so this context gets its own copy.
        var objects = (ScriptObject)((ScriptObject)builtins["object"]!).Clone(true);
        objects.Remove("eval");
        objects.Remove("eval_template");
        builtins.Remove("object");
        builtins.SetValue("object", objects, true);
        return builtins;
    }

    /// <summary>Scriban's include, its output marked as this context's own markup.</summary>
    private sealed class TrustedInclude(IScriptCustomFunction include) : IScriptCustomFunction
    {
        public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            include.Invoke(context, callerContext, arguments, blockStatement) is { } rendered ? new TrustedHtml(context.ObjectToString(rendered) ?? "") : null;

        public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));

        public int RequiredParameterCount => include.RequiredParameterCount;
        public int ParameterCount => include.ParameterCount;
        public ScriptVarParamKind VarParamKind => include.VarParamKind;
        public Type ReturnType => typeof(TrustedHtml);
        public ScriptParameterInfo GetParameterInfo(int index) => include.GetParameterInfo(index);
    }
}
