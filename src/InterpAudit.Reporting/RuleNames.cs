using System.Reflection;
using InterpAudit.Diagnostics;

namespace InterpAudit.Reporting;

/// <summary>
/// A readable name per diagnostic code (e.g. IA1001 → AccuracyBelowMinimum), taken from the
/// constants in <see cref="DiagnosticCodes"/> so the two can never disagree.
/// </summary>
internal static class RuleNames
{
    private static readonly Dictionary<string, string> ByCode =
        typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .ToDictionary(f => (string)f.GetRawConstantValue()!, f => f.Name);

    public static string Of(string code) => ByCode.GetValueOrDefault(code, code);

    /// <summary>"AccuracyBelowMinimum" → "Accuracy below minimum".</summary>
    public static string Sentence(string code)
    {
        string name = Of(code);
        var words = System.Text.RegularExpressions.Regex.Split(name, "(?<=[a-z0-9])(?=[A-Z])");
        return string.Join(' ', words.Select((w, i) => i == 0 ? w : w.ToLowerInvariant()));
    }

    public static string HelpUri(string code) => "docs/diagnostics.md#" + code.ToLowerInvariant();
}
