using System.Reflection;
using InterpAudit.Checks;
using InterpAudit.Diagnostics;

namespace InterpAudit.Reporting;

/// <summary>
/// A readable name per diagnostic code, taken from where the code is declared so the two can never
/// disagree: the constants in <see cref="DiagnosticCodes"/> (IA3001 → WeightsMissing) and, for a
/// family's threshold codes, the first bound that reports it (IA1001 on <c>accuracy</c>, a minimum →
/// AccuracyBelowMinimum).
/// </summary>
internal static class RuleNames
{
    private static readonly Dictionary<string, string> ByCode =
        typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (Code: (string)f.GetRawConstantValue()!, f.Name))
            .Concat(CheckCatalog.Default.AttributeTypes.OrderBy(t => t.Name, StringComparer.Ordinal)
                .SelectMany(DeclaredLimits.BoundsOf)
                .Select(b => (b.Code, Name: char.ToUpperInvariant(b.Metric[0]) + b.Metric[1..] + (b.Kind == BoundKind.Min ? "BelowMinimum" : "AboveMaximum"))))
            .DistinctBy(r => r.Code)
            .ToDictionary(r => r.Code, r => r.Name);

    public static string Of(string code) => ByCode.GetValueOrDefault(code, code);

    /// <summary>"AccuracyBelowMinimum" → "Accuracy below minimum".</summary>
    public static string Sentence(string code)
    {
        string name = Of(code);
        var words = System.Text.RegularExpressions.Regex.Split(name, "(?<=[a-z0-9])(?=[A-Z])");
        return string.Join(' ', words.Select((w, i) => i == 0 ? w : w.ToLowerInvariant()));
    }
}
