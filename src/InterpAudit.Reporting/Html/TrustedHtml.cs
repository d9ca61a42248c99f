namespace InterpAudit.Reporting.Html;

/// <summary>
/// Markup the tool itself produced: its own stylesheet, or a partial template rendered through
/// <see cref="EscapingTemplateContext"/> (whose every interpolated value was escaped as it was written).
/// The only type a template may write without escaping, so a string from the user can never become one.
/// </summary>
public sealed record TrustedHtml(string Markup)
{
    public override string ToString() => Markup;
}
