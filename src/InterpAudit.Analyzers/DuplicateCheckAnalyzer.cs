using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace InterpAudit.Analyzers;

/// <summary>
/// IA0006: one bound declared twice for the same metric and scope on one audit class. Two checks
/// share a metric and scope when they are of the same attribute type, at the same severity, with the
/// same values for everything that is not a bound (the scope: <c>Class</c>, the layers, estimator
/// settings such as <c>Components</c>), and both set the same bound (a <c>[Bound]</c> property: <c>Min</c>,
/// <c>MinOverall</c>, …).
/// A bound at another severity is a second level of the same gate (warn at 0.95, fail at 0.90), not
/// a duplicate.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DuplicateCheckAnalyzer : AuditTypeAnalyzer
{
    private const string SeverityName = "Severity";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.DuplicateCheck);

    private protected override void AnalyzeType(SymbolAnalysisContext context, INamedTypeSymbol type, AuditSymbols symbols)
    {
        if (symbols.AuditAttributeOf(type) is null) return;

        var firstByBound = new Dictionary<string, CheckApplication>(StringComparer.Ordinal);
        foreach (AttributeData data in symbols.CheckAttributesOf(type))
        {
            if (CheckApplication.Create(data, context.CancellationToken) is not { Syntax: not null } check) continue;
            string scope = ScopeKey(check, symbols);
            var repeated = new List<string>();
            CheckApplication? earlier = null;
            foreach (CheckArgument bound in check.Arguments.Where(a => IsBound(check, a, symbols) && a.Number is { } n && !double.IsNaN(n)))
            {
                string key = scope + "|" + bound.Name.ToUpperInvariant();
                if (firstByBound.TryGetValue(key, out CheckApplication? first))
                {
                    repeated.Add(bound.Name);
                    earlier ??= first;
                }
                else
                {
                    firstByBound.Add(key, check);
                }
            }
            if (earlier is null) continue;
            context.ReportDiagnostic(Diagnostic.Create(Rules.DuplicateCheck, check.Location, [earlier.Location],
                check.Name, string.Join(" and ", repeated), earlier.Line, ScopeText(check, symbols)));
        }
    }

    /// <summary>A bound is what the attribute declares with [Bound] — the metadata the audit judges from.</summary>
    private static bool IsBound(CheckApplication check, CheckArgument argument, AuditSymbols symbols) =>
        symbols.LimitOf(check.AttributeType, argument.Name)?.Metric is not null;

    /// <summary>The attribute type, the severity and every value that is not a bound, in a canonical order.</summary>
    private static string ScopeKey(CheckApplication check, AuditSymbols symbols)
    {
        IEnumerable<string> values = ScopeArguments(check, symbols)
            .Select(a => a.Name.ToUpperInvariant() + "=" + a.Value.ToCSharpString())
            .OrderBy(v => v, StringComparer.Ordinal);
        // Severity left out is CheckSeverity.Error (0), the default AuditCheckAttribute documents.
        object severity = check.Arguments.FirstOrDefault(a => !a.IsConstructorArgument && a.Name == SeverityName)?.Value.Value ?? 0;
        return check.AttributeType.ToDisplayString() + "|severity=" + severity + "|" + string.Join("|", values);
    }

    /// <summary>" (Class = "8")" for a scoped check, "" for one that applies everywhere.</summary>
    private static string ScopeText(CheckApplication check, AuditSymbols symbols)
    {
        var values = ScopeArguments(check, symbols).Select(a => a.Name + " = " + a.Display).ToList();
        return values.Count == 0 ? "" : " (" + string.Join(", ", values) + ")";
    }

    /// <summary>Values other than bounds and the severity; null (not set) is left out, so Class = null is the same as no Class.</summary>
    private static IEnumerable<CheckArgument> ScopeArguments(CheckApplication check, AuditSymbols symbols) =>
        check.Arguments.Where(a => !IsBound(check, a, symbols)
            && !(a.Name == SeverityName && !a.IsConstructorArgument)
            && !a.Value.IsNull);
}
