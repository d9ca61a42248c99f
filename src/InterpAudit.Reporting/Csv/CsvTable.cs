using System.Text;

namespace InterpAudit.Reporting.Csv;

/// <summary>
/// A table as RFC 4180 CSV for a reviewer to open in a spreadsheet, in a <c>data:</c> URI so the report
/// stays one file. Text fields (class names) are the model owner's strings: one that a spreadsheet would
/// run as a formula (starting with = + - @, a tab or a carriage return; OWASP "CSV injection") is
/// prefixed with an apostrophe. Numbers are written as given.
/// </summary>
internal sealed class CsvTable
{
    private readonly StringBuilder text = new();

    public CsvTable(IEnumerable<string> header) => Row(header.Select(Text));

    /// <summary>A row: its first field is text (a name), the rest numbers already formatted.</summary>
    public CsvTable Add(string name, IEnumerable<string> numbers)
    {
        Row(numbers.Prepend(Text(name)));
        return this;
    }

    public override string ToString() => text.ToString();

    /// <summary>UTF-8 with a byte-order mark, which Excel needs to read non-ASCII names right, in base64.</summary>
    public string DataUri() =>
        "data:text/csv;charset=utf-8;base64," + Convert.ToBase64String([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(ToString())]);

    private void Row(IEnumerable<string> fields)
    {
        text.AppendJoin(',', fields.Select(Quoted));
        text.Append("\r\n");
    }

    private static string Text(string field) =>
        field.Length > 0 && field[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + field : field;

    private static string Quoted(string field) =>
        field.IndexOfAny([',', '"', '\r', '\n']) < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
