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
/// IA0007: an audit name that the runner rejects (IA3016) — one used by two classes of the project,
/// or one that is not a plain folder name on every system (the name is a folder): the rule is
/// <see cref="AuditFolderName"/>, the same source file the runner compiles.
/// Each class is checked against an index of the whole compilation's audit names, built once per
/// compilation, so that both classes of a pair are reported while the user types, not only in the build.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AuditNameAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Rules.AuditNameReused, Rules.AuditNameInvalid);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (AuditSymbols.From(start.Compilation) is not { } symbols) return;
            Compilation compilation = start.Compilation;
            CancellationToken cancellationToken = start.CancellationToken;
            var index = new Lazy<ILookup<string, INamedTypeSymbol>>(() => IndexAuditNames(compilation, symbols, cancellationToken), isThreadSafe: true);
            start.RegisterSymbolAction(c => Analyze(c, symbols, index), SymbolKind.NamedType);
        });
    }

    private static void Analyze(SymbolAnalysisContext context, AuditSymbols symbols, Lazy<ILookup<string, INamedTypeSymbol>> index)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (symbols.AuditAttributeOf(type) is not { } audit) return;
        if (audit.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) is not AttributeSyntax syntax) return;
        if (audit.ConstructorArguments.FirstOrDefault() is not { Kind: TypedConstantKind.Primitive, Value: string name }) return;

        Location location = syntax.ArgumentList?.Arguments.FirstOrDefault()?.GetLocation() ?? syntax.GetLocation();
        if (AuditFolderName.Problem(name) is { } problem)
        {
            context.ReportDiagnostic(Diagnostic.Create(Rules.AuditNameInvalid, location, name, problem));
            return;
        }

        var others = index.Value[name].Where(t => !SymbolEqualityComparer.Default.Equals(t, type)).ToList();
        if (others.Count == 0) return;
        var otherLocations = others
            .Select(t => symbols.AuditAttributeOf(t)?.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).GetLocation())
            .OfType<Location>();
        string users = string.Join(" and ", others.Select(t => t.ToDisplayString()).OrderBy(n => n, StringComparer.Ordinal));
        context.ReportDiagnostic(Diagnostic.Create(Rules.AuditNameReused, location, otherLocations, name, users));
    }

    private static ILookup<string, INamedTypeSymbol> IndexAuditNames(Compilation compilation, AuditSymbols symbols, CancellationToken cancellationToken)
    {
        var audits = new List<(string Name, INamedTypeSymbol Type)>();
        foreach (ISymbol symbol in compilation.GetSymbolsWithName(_ => true, SymbolFilter.Type, cancellationToken))
        {
            if (symbol is INamedTypeSymbol type
                && symbols.AuditAttributeOf(type)?.ConstructorArguments.FirstOrDefault() is { Kind: TypedConstantKind.Primitive, Value: string name })
                audits.Add((name, type));
        }
        return audits.ToLookup(a => a.Name, a => a.Type, StringComparer.Ordinal);
    }
}
