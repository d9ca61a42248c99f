using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace InterpAudit.Analyzers;

/// <summary>
/// The InterpAudit and TorchSharp types the rules look for, resolved once per compilation by
/// metadata name (the analyzers reference no InterpAudit or TorchSharp assembly). A compilation that
/// does not reference InterpAudit.Abstractions gets no analysis at all.
/// </summary>
internal sealed class AuditSymbols
{
    private readonly ConcurrentDictionary<INamedTypeSymbol, IReadOnlyDictionary<string, DeclaredLimit>> _limits =
        new(SymbolEqualityComparer.Default);

    private AuditSymbols(INamedTypeSymbol auditAttribute, INamedTypeSymbol checkAttribute, INamedTypeSymbol? auditTarget, INamedTypeSymbol? module,
        INamedTypeSymbol? boundAttribute, INamedTypeSymbol? validRangeAttribute)
    {
        AuditAttribute = auditAttribute;
        CheckAttribute = checkAttribute;
        AuditTarget = auditTarget;
        Module = module;
        BoundAttribute = boundAttribute;
        ValidRangeAttribute = validRangeAttribute;
    }

    /// <summary><c>InterpAudit.InterpretabilityAuditAttribute</c>.</summary>
    public INamedTypeSymbol AuditAttribute { get; }

    /// <summary><c>InterpAudit.AuditCheckAttribute</c>, the base of every check attribute.</summary>
    public INamedTypeSymbol CheckAttribute { get; }

    /// <summary><c>InterpAudit.IAuditTarget</c>.</summary>
    public INamedTypeSymbol? AuditTarget { get; }

    /// <summary><c>TorchSharp.torch.nn.Module</c>, the base of every module; null without TorchSharp.</summary>
    public INamedTypeSymbol? Module { get; }

    /// <summary><c>InterpAudit.BoundAttribute</c>; null for an InterpAudit that predates declared limits.</summary>
    public INamedTypeSymbol? BoundAttribute { get; }

    /// <summary><c>InterpAudit.ValidRangeAttribute</c>; null for an InterpAudit that predates declared limits.</summary>
    public INamedTypeSymbol? ValidRangeAttribute { get; }

    public static AuditSymbols? From(Compilation compilation)
    {
        INamedTypeSymbol? audit = compilation.GetTypeByMetadataName("InterpAudit.InterpretabilityAuditAttribute");
        INamedTypeSymbol? check = compilation.GetTypeByMetadataName("InterpAudit.AuditCheckAttribute");
        if (audit is null || check is null) return null;
        return new AuditSymbols(audit, check,
            compilation.GetTypeByMetadataName("InterpAudit.IAuditTarget"),
            compilation.GetTypeByMetadataName("TorchSharp.torch+nn+Module"),
            compilation.GetTypeByMetadataName("InterpAudit.BoundAttribute"),
            compilation.GetTypeByMetadataName("InterpAudit.ValidRangeAttribute"));
    }

    /// <summary>
    /// The declared limit of an attribute's property, or of the property a constructor parameter
    /// sets (matched by name without case: <c>layer</c> sets <c>Layer</c>); null when it has none.
    /// </summary>
    public DeclaredLimit? LimitOf(INamedTypeSymbol attribute, string propertyOrParameter) =>
        _limits.GetOrAdd(attribute, ReadLimits).TryGetValue(propertyOrParameter, out DeclaredLimit? limit) ? limit : null;

    /// <summary>
    /// The attribute's ranged properties by name, its own declarations first, then its base types'
    /// (as reflection finds the inherited <c>[Bound]</c> and <c>[ValidRange]</c> the audit reads).
    /// </summary>
    private IReadOnlyDictionary<string, DeclaredLimit> ReadLimits(INamedTypeSymbol attribute)
    {
        var limits = new Dictionary<string, DeclaredLimit>(StringComparer.OrdinalIgnoreCase);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (INamedTypeSymbol? t = attribute; t is not null && t.SpecialType != SpecialType.System_Object; t = t.BaseType)
        {
            foreach (IPropertySymbol property in t.GetMembers().OfType<IPropertySymbol>())
            {
                if (property.IsStatic || property.IsIndexer || !seen.Add(property.Name)) continue;
                // An override without its own attribute inherits its base declaration's (Inherited = true).
                for (IPropertySymbol? p = property; p is not null; p = p.OverriddenProperty)
                {
                    if (DeclaredLimit.Of(p, this) is not { } limit) continue;
                    limits.Add(property.Name, limit);
                    break;
                }
            }
        }
        return limits;
    }

    /// <summary>The type's [InterpretabilityAudit], or null.</summary>
    public AttributeData? AuditAttributeOf(INamedTypeSymbol type) =>
        type.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, AuditAttribute));

    /// <summary>The check attributes applied to the type itself, in source order.</summary>
    public IEnumerable<AttributeData> CheckAttributesOf(INamedTypeSymbol type) =>
        type.GetAttributes().Where(a => IsCheckAttribute(a.AttributeClass));

    /// <summary>Whether the attribute derives from InterpAudit.AuditCheckAttribute.</summary>
    public bool IsCheckAttribute(INamedTypeSymbol? attribute)
    {
        for (INamedTypeSymbol? t = attribute?.BaseType; t is not null; t = t.BaseType)
            if (SymbolEqualityComparer.Default.Equals(t, CheckAttribute)) return true;
        return false;
    }

    /// <summary>Whether the type is a TorchSharp module (derives from <c>torch.nn.Module</c>).</summary>
    public bool IsModule(ITypeSymbol? type)
    {
        if (Module is null) return false;
        for (ITypeSymbol? t = type; t is not null; t = t.BaseType)
            if (SymbolEqualityComparer.Default.Equals(t.OriginalDefinition, Module)) return true;
        return false;
    }

    /// <summary>
    /// Whether the type is one of TorchSharp's own module base classes (<c>torch.nn.Module</c> and
    /// its generic <c>Module&lt;T, TResult&gt;</c> forms), where a model's own members stop.
    /// </summary>
    public static bool IsModuleBaseClass(INamedTypeSymbol type) =>
        type.Name == "Module"
        && type.ContainingType is { Name: "nn", ContainingType: { Name: "torch", ContainingNamespace: { Name: "TorchSharp", ContainingNamespace.IsGlobalNamespace: true } } };

    /// <summary>The name a check's short form shows: <c>AccuracyCheck</c> for AccuracyCheckAttribute.</summary>
    public static string ShortName(INamedTypeSymbol attribute) =>
        attribute.Name.EndsWith("Attribute", System.StringComparison.Ordinal)
            ? attribute.Name.Substring(0, attribute.Name.Length - "Attribute".Length)
            : attribute.Name;
}
