using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace InterpAudit.Analyzers;

/// <summary>
/// IA0001: a check's bound that no model can meet — a fraction outside [0, 1], a count below its
/// minimum (<see cref="BoundCatalog"/>), or a minimum above the maximum of the same metric
/// (<c>MinX</c> with <c>MaxX</c>). Works on every attribute deriving from AuditCheckAttribute.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CheckBoundsAnalyzer : AuditTypeAnalyzer
{
    /// <summary>Diagnostic property: the name of the minimum a swap fix exchanges with <see cref="MaximumProperty"/>.</summary>
    internal const string MinimumProperty = "Minimum";

    internal const string MaximumProperty = "Maximum";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Rules.BoundOutOfRange, Rules.CountOutOfRange, Rules.MinAboveMax);

    private protected override void AnalyzeType(SymbolAnalysisContext context, INamedTypeSymbol type, AuditSymbols symbols)
    {
        foreach (AttributeData data in symbols.CheckAttributesOf(type))
        {
            if (CheckApplication.Create(data, context.CancellationToken) is not { Syntax: not null } check) continue;
            AnalyzeRanges(context, check);
            AnalyzeMinAboveMax(context, check);
        }
    }

    private static void AnalyzeRanges(SymbolAnalysisContext context, CheckApplication check)
    {
        foreach (CheckArgument argument in check.Arguments)
        {
            if (argument.Number is not { } value || BoundCatalog.RangeOf(check.AttributeType, argument) is not { } range) continue;
            if (range.Contains(value)) continue;
            context.ReportDiagnostic(range.IsFraction
                ? Diagnostic.Create(Rules.BoundOutOfRange, argument.LocationOr(check.Location), check.Name, argument.Name, argument.Display)
                : Diagnostic.Create(Rules.CountOutOfRange, argument.LocationOr(check.Location), check.Name, argument.Name, argument.Display, range.LowerText));
        }
    }

    private static void AnalyzeMinAboveMax(SymbolAnalysisContext context, CheckApplication check)
    {
        var bounds = check.Arguments.Where(a => a.IsBound && a.Number is { } n && !double.IsNaN(n)).ToList();
        foreach (CheckArgument minimum in bounds.Where(b => b.IsMinimum))
        {
            CheckArgument? maximum = bounds.FirstOrDefault(b => b.IsMaximum && string.Equals(b.BoundMetric, minimum.BoundMetric, StringComparison.OrdinalIgnoreCase));
            if (maximum is null || !(minimum.Number > maximum.Number)) continue;
            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(MinimumProperty, minimum.Name)
                .Add(MaximumProperty, maximum.Name);
            Location[] additional = maximum.Syntax is null ? [] : [maximum.Syntax.GetLocation()];
            context.ReportDiagnostic(Diagnostic.Create(Rules.MinAboveMax, minimum.LocationOr(check.Location), additional, properties,
                check.Name, minimum.Name, minimum.Display, maximum.Name, maximum.Display));
        }
    }
}
