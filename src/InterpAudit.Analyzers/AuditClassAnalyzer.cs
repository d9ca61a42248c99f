using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace InterpAudit.Analyzers;

/// <summary>
/// The shape of an audit class, as the runner's discovery needs it: checks only on
/// [InterpretabilityAudit] classes (IA0002), which implement IAuditTarget (IA0003) and can be created
/// with a public parameterless constructor (IA0004). The run-time counterpart is IA3004.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AuditClassAnalyzer : AuditTypeAnalyzer
{
    /// <summary>Diagnostic property on IA0004: present when adding <c>public T() { }</c> is the whole fix.</summary>
    internal const string CanAddConstructorProperty = "CanAddConstructor";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Rules.CheckOutsideAudit, Rules.AuditWithoutTarget, Rules.AuditNotCreatable);

    private protected override void AnalyzeType(SymbolAnalysisContext context, INamedTypeSymbol type, AuditSymbols symbols)
    {
        AttributeData? audit = symbols.AuditAttributeOf(type);
        if (audit is null)
        {
            ReportChecksOutsideAudit(context, symbols, type);
            return;
        }

        Location location = ClassNameLocation(audit, context.CancellationToken) ?? type.Locations.FirstOrDefault() ?? Location.None;
        if (symbols.AuditTarget is { } target && !type.AllInterfaces.Contains(target, SymbolEqualityComparer.Default))
            context.ReportDiagnostic(Diagnostic.Create(Rules.AuditWithoutTarget, location, type.Name));

        if (WhyNotCreatable(type, context.CancellationToken) is { } reason)
        {
            var properties = reason.CanAddConstructor
                ? ImmutableDictionary<string, string?>.Empty.Add(CanAddConstructorProperty, "true")
                : ImmutableDictionary<string, string?>.Empty;
            context.ReportDiagnostic(Diagnostic.Create(Rules.AuditNotCreatable, location, properties, type.Name, reason.Text));
        }
    }

    private static void ReportChecksOutsideAudit(SymbolAnalysisContext context, AuditSymbols symbols, INamedTypeSymbol type)
    {
        var checks = symbols.CheckAttributesOf(type)
            .Select(a => (Name: AuditSymbols.ShortName(a.AttributeClass!), Syntax: a.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken)))
            .Where(c => c.Syntax is not null)
            .ToList();
        if (checks.Count == 0) return;
        // One finding per class, at its first check: one attribute added fixes them all.
        string names = string.Join(", ", checks.Select(c => "[" + c.Name + "]").Distinct());
        context.ReportDiagnostic(Diagnostic.Create(Rules.CheckOutsideAudit, checks[0].Syntax!.GetLocation(),
            checks.Skip(1).Select(c => c.Syntax!.GetLocation()), type.Name, names));
    }

    private static Reason? WhyNotCreatable(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        if (type.IsStatic) return new Reason("it is static", canAddConstructor: false);
        if (type.IsAbstract) return new Reason("it is abstract", canAddConstructor: false);
        if (type.IsGenericType || IsInGenericType(type)) return new Reason("it is generic, and the audit cannot choose its type arguments", canAddConstructor: false);

        IMethodSymbol? parameterless = type.InstanceConstructors.FirstOrDefault(c => c.Parameters.Length == 0);
        if (parameterless is not null)
            return parameterless.DeclaredAccessibility == Accessibility.Public
                ? null
                : new Reason($"its parameterless constructor is {Describe(parameterless.DeclaredAccessibility)}", canAddConstructor: false);

        // A class with a primary constructor needs `: this(...)` with values only its author knows.
        bool primaryConstructor = type.DeclaringSyntaxReferences
            .Select(r => r.GetSyntax(cancellationToken))
            .OfType<TypeDeclarationSyntax>()
            .Any(d => d.ParameterList is not null);
        return new Reason("every constructor takes parameters", canAddConstructor: !primaryConstructor);
    }

    private static bool IsInGenericType(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? t = type.ContainingType; t is not null; t = t.ContainingType)
            if (t.IsGenericType) return true;
        return false;
    }

    private static string Describe(Accessibility accessibility) => accessibility switch
    {
        Accessibility.Private => "private",
        Accessibility.Protected => "protected",
        Accessibility.Internal => "internal",
        Accessibility.ProtectedOrInternal => "protected internal",
        Accessibility.ProtectedAndInternal => "private protected",
        _ => "not public",
    };

    /// <summary>The class name of the declaration that carries [InterpretabilityAudit] (a partial class has several).</summary>
    internal static Location? ClassNameLocation(AttributeData audit, CancellationToken cancellationToken) =>
        audit.ApplicationSyntaxReference?.GetSyntax(cancellationToken).FirstAncestorOrSelf<BaseTypeDeclarationSyntax>()?.Identifier.GetLocation();

    private sealed class Reason(string text, bool canAddConstructor)
    {
        public string Text { get; } = text;

        public bool CanAddConstructor { get; } = canAddConstructor;
    }
}
