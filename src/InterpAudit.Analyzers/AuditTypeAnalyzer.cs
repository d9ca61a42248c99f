using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace InterpAudit.Analyzers;

/// <summary>
/// An analyzer that looks at every named type, once per compilation that references InterpAudit (no
/// InterpAudit symbols, nothing to analyze): the registration the type-level rules share.
/// </summary>
public abstract class AuditTypeAnalyzer : DiagnosticAnalyzer
{
    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (AuditSymbols.From(start.Compilation) is not { } symbols || !AppliesTo(symbols)) return;
            start.RegisterSymbolAction(c => AnalyzeType(c, (INamedTypeSymbol)c.Symbol, symbols), SymbolKind.NamedType);
        });
    }

    /// <summary>Whether the compilation references everything the rule needs (by default, InterpAudit itself).</summary>
    private protected virtual bool AppliesTo(AuditSymbols symbols) => true;

    private protected abstract void AnalyzeType(SymbolAnalysisContext context, INamedTypeSymbol type, AuditSymbols symbols);
}
