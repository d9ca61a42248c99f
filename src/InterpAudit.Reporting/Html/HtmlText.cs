using System.Text;

namespace InterpAudit.Reporting.Html;

/// <summary>Text to HTML, safe in element content and in quoted attribute values alike.</summary>
public static class HtmlText
{
    /// <summary>
    /// Escapes the five characters HTML gives meaning (<c>&amp; &lt; &gt; " '</c>), so a value can close
    /// neither an element nor an attribute quoted either way; and <c>=</c> and <c>`</c>, as the reports
    /// always have, which keeps their text as it was and a value inert in an unquoted attribute of a
    /// user's template.
    /// </summary>
    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"'=`") < 0) return text;
        var escaped = new StringBuilder(text.Length + 16);
        foreach (char c in text)
        {
            string? entity = c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                '=' => "&#x3D;",
                '`' => "&#x60;",
                _ => null,
            };
            if (entity is null) escaped.Append(c);
            else escaped.Append(entity);
        }
        return escaped.ToString();
    }
}
