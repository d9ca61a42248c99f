using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace InterpAudit.Analyzers;

/// <summary>
/// IA0005: a check names a layer the model does not have. A layer argument is a string value of a
/// check attribute whose constructor parameter or property name starts with <c>layer</c>
/// (<c>layer</c>, <c>layers</c>, <c>layerA</c>). The model is the class that the audit's
/// <c>CreateModel()</c> creates with <c>=&gt; new SomeModule()</c> or <c>{ return new SomeModule(); }</c>;
/// its names come from <see cref="ModelLayerNames"/>. Anything less certain reports nothing: the
/// run-time check (IA3006) still applies.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LayerNameAnalyzer : AuditTypeAnalyzer
{
    private const int MaxNamesInMessage = 12;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.UnknownLayer);

    /// <summary>Layers can only be read from a model type and an audit target.</summary>
    private protected override bool AppliesTo(AuditSymbols symbols) => symbols is { Module: not null, AuditTarget: not null };

    private protected override void AnalyzeType(SymbolAnalysisContext context, INamedTypeSymbol type, AuditSymbols symbols)
    {
        var layers = symbols.CheckAttributesOf(type)
            .Select(a => CheckApplication.Create(a, context.CancellationToken))
            .Where(c => c?.Syntax is not null)
            .SelectMany(c => c!.Arguments
                .Where(a => a.Name.StartsWith("layer", StringComparison.OrdinalIgnoreCase))
                .SelectMany(a => LayerNames(a.Value).Select(layer => (Check: c, Argument: a, Layer: layer))))
            .ToList();
        if (layers.Count == 0) return;

        if (CreatedModel(type, symbols, context.Compilation, context.CancellationToken) is not { } model) return;
        if (ModelLayerNames.Read(model, symbols, context.Compilation, context.CancellationToken) is not { } names) return;

        foreach ((CheckApplication check, CheckArgument argument, string layer) in layers)
        {
            if (names.Contains(layer)) continue;
            context.ReportDiagnostic(Diagnostic.Create(Rules.UnknownLayer, argument.ValueLocationOr(check.Location), layer, model.Name, Expected(names)));
        }
    }

    /// <summary>
    /// The layer names an argument holds: one string (<c>"fc2"</c>) or an array of them
    /// (<c>Layers = new[] { "relu1", "relu2" }</c>); reading <c>Value</c> of an array throws.
    /// </summary>
    private static IEnumerable<string> LayerNames(TypedConstant value) => value.Kind switch
    {
        TypedConstantKind.Array when !value.IsNull => value.Values.SelectMany(LayerNames),
        TypedConstantKind.Primitive when value.Value is string name => [name],
        _ => [],
    };

    private static string Expected(ModelLayerNames names)
    {
        if (names.Expected.IsEmpty) return "none (the model has no sub-modules)";
        string listed = string.Join(", ", names.Expected.Take(MaxNamesInMessage).Select(n => "'" + n + "'"));
        return names.Expected.Length > MaxNamesInMessage ? listed + ", …" : listed;
    }

    /// <summary>The module class <c>CreateModel()</c> creates, when its body is exactly <c>new SomeModule(…)</c>.</summary>
    private static INamedTypeSymbol? CreatedModel(INamedTypeSymbol type, AuditSymbols symbols, Compilation compilation, CancellationToken cancellationToken)
    {
        IMethodSymbol? interfaceMethod = symbols.AuditTarget!.GetMembers("CreateModel").OfType<IMethodSymbol>().FirstOrDefault(m => m.Parameters.IsEmpty);
        if (interfaceMethod is null || type.FindImplementationForInterfaceMember(interfaceMethod) is not IMethodSymbol slot) return null;
        IMethodSymbol implementation = MostDerivedOverride(type, slot);
        if (implementation.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is not MethodDeclarationSyntax method) return null;

        ExpressionSyntax? returned = method.ExpressionBody?.Expression
            ?? (method.Body is { Statements: { Count: 1 } statements } && statements[0] is ReturnStatementSyntax { Expression: { } expression } ? expression : null);
        while (returned is ParenthesizedExpressionSyntax parenthesized) returned = parenthesized.Expression;
        if (returned is not ObjectCreationExpressionSyntax creation) return null;

#pragma warning disable RS1030 // Do not invoke Compilation.GetSemanticModel() method within a diagnostic analyzer
        // CreateModel may be declared in a base class in another file; only this one expression is bound.
        SemanticModel model = compilation.GetSemanticModel(creation.SyntaxTree);
#pragma warning restore RS1030
        return model.GetTypeInfo(creation, cancellationToken).Type is INamedTypeSymbol created
               && created.TypeKind == TypeKind.Class
               && symbols.IsModule(created)
               && created.Locations.Any(l => l.IsInSource)
            ? created
            : null;
    }

    /// <summary>
    /// The method that runs for <paramref name="type"/>: the interface is mapped to the virtual
    /// method that implements it (often in a base class), which a subclass may override.
    /// </summary>
    private static IMethodSymbol MostDerivedOverride(INamedTypeSymbol type, IMethodSymbol slot)
    {
        for (INamedTypeSymbol? t = type; t is not null; t = t.BaseType)
            foreach (IMethodSymbol candidate in t.GetMembers(slot.Name).OfType<IMethodSymbol>())
                for (IMethodSymbol? m = candidate; m is not null; m = m.OverriddenMethod)
                    if (SymbolEqualityComparer.Default.Equals(m, slot)) return candidate;
        return slot;
    }
}
