using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace InterpAudit.Analyzers;

/// <summary>
/// IA0001: a value no audit accepts, judged from the limits the attribute's properties declare
/// (<c>[Bound]</c>, <c>[ValidRange]</c>; see <see cref="DeclaredLimit"/>) — a bound or setting outside
/// its range, an infinite one, or a minimum above the maximum of the same metric (two <c>[Bound]</c>s
/// naming one metric). The audit validates the same metadata (IA3013), so the two cannot disagree.
/// Works on every attribute deriving from AuditCheckAttribute, and on [InterpretabilityAudit].
/// Limits that depend on the model (clusters at most a layer's width) are left to the audit.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CheckBoundsAnalyzer : AuditTypeAnalyzer
{
    /// <summary>Diagnostic property: the name of the minimum a swap fix exchanges with <see cref="MaximumProperty"/>.</summary>
    internal const string MinimumProperty = "Minimum";

    internal const string MaximumProperty = "Maximum";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Rules.BoundOutOfRange, Rules.ValueOutOfRange, Rules.NotFinite, Rules.MinAboveMax);

    private protected override void AnalyzeType(SymbolAnalysisContext context, INamedTypeSymbol type, AuditSymbols symbols)
    {
        IEnumerable<AttributeData> declarations = symbols.CheckAttributesOf(type);
        if (symbols.AuditAttributeOf(type) is { } audit) declarations = declarations.Prepend(audit);
        foreach (AttributeData data in declarations)
        {
            if (CheckApplication.Create(data, context.CancellationToken) is not { Syntax: not null } check) continue;
            var limited = check.Arguments
                .Where(a => a.Number is not null)
                .Select(a => (Argument: a, Limit: symbols.LimitOf(check.AttributeType, a.Name)))
                .Where(a => a.Limit is not null)
                .Select(a => (a.Argument, Limit: a.Limit!))
                .ToList();
            AnalyzeRanges(context, check, limited);
            AnalyzeMinAboveMax(context, check, limited);
        }
    }

    private static void AnalyzeRanges(SymbolAnalysisContext context, CheckApplication check, List<(CheckArgument Argument, DeclaredLimit Limit)> limited)
    {
        foreach ((CheckArgument argument, DeclaredLimit limit) in limited)
        {
            double value = argument.Number!.Value;
            if (limit.Admits(value)) continue;
            Location location = argument.LocationOr(check.Location);
            context.ReportDiagnostic(
                double.IsInfinity(value) ? Diagnostic.Create(Rules.NotFinite, location, check.Name, argument.Name, argument.Display, limit.Expectation, limit.ReasonSuffix)
                : limit.IsFraction ? Diagnostic.Create(Rules.BoundOutOfRange, location, check.Name, argument.Name, argument.Display)
                : Diagnostic.Create(Rules.ValueOutOfRange, location, check.Name, argument.Name, argument.Display, limit.Expectation, limit.ReasonSuffix));
        }
    }

    /// <summary>A minimum and a maximum of one metric, paired by their <c>[Bound]</c>'s metric name, as the audit pairs them.</summary>
    private static void AnalyzeMinAboveMax(SymbolAnalysisContext context, CheckApplication check, List<(CheckArgument Argument, DeclaredLimit Limit)> limited)
    {
        foreach (var minimum in limited.Where(b => b.Limit.IsMinimum))
        foreach (var maximum in limited.Where(b => b.Limit.IsMaximum && b.Limit.Metric == minimum.Limit.Metric))
        {
            // NaN (not set) compares false: an unset side is never in conflict.
            if (!(minimum.Argument.Number > maximum.Argument.Number)) continue;
            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(MinimumProperty, minimum.Argument.Name)
                .Add(MaximumProperty, maximum.Argument.Name);
            Location[] additional = maximum.Argument.Syntax is null ? [] : [maximum.Argument.Syntax.GetLocation()];
            context.ReportDiagnostic(Diagnostic.Create(Rules.MinAboveMax, minimum.Argument.LocationOr(check.Location), additional, properties,
                check.Name, minimum.Argument.Name, minimum.Argument.Display, maximum.Argument.Name, maximum.Argument.Display));
        }
    }
}
