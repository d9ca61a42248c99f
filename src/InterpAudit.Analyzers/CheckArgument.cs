using System;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace InterpAudit.Analyzers;

/// <summary>
/// One value given to a check attribute: a named property (<c>Min = 0.9</c>) or a constructor
/// argument (<c>"fc1"</c> for the parameter <c>layer</c>). The elements of a <c>params</c> array are
/// one argument each, under the parameter's name. Rules treat both kinds alike, so that a bound or a
/// layer works whether a check family declares it as a property or as a constructor parameter.
/// </summary>
internal sealed class CheckArgument
{
    public CheckArgument(string name, TypedConstant value, SyntaxNode? syntax, bool isConstructorArgument)
    {
        Name = name;
        Value = value;
        Syntax = syntax;
        IsConstructorArgument = isConstructorArgument;
    }

    /// <summary>The property name, or the constructor parameter's name.</summary>
    public string Name { get; }

    public TypedConstant Value { get; }

    /// <summary>The argument in source (<c>Min = 0.9</c>), when it could be matched.</summary>
    public SyntaxNode? Syntax { get; }

    public bool IsConstructorArgument { get; }

    /// <summary>The value as a double, for numeric arguments; NaN means "not set" for bounds.</summary>
    public double? Number => Value.Kind == TypedConstantKind.Primitive && Value.Value is not (null or string or bool or char)
        ? Convert.ToDouble(Value.Value, CultureInfo.InvariantCulture)
        : null;

    public bool IsInteger => Value.Type?.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64
        or SpecialType.System_Int16 or SpecialType.System_SByte or SpecialType.System_UInt32
        or SpecialType.System_UInt64 or SpecialType.System_UInt16 or SpecialType.System_Byte;

    public bool IsFloatingPoint => Value.Type?.SpecialType is SpecialType.System_Double or SpecialType.System_Single;

    /// <summary>The value as C# would write it, invariant culture.</summary>
    public string Display => Value.Kind == TypedConstantKind.Array ? Value.ToCSharpString() : Value.Value switch
    {
        // Shortest round-trip form of the value as declared: 0.9, not 0.90000000000000002; C#'s
        // names for the infinities, which "R" would spell as the culture's symbol.
        double d when Value.Kind == TypedConstantKind.Primitive && double.IsInfinity(d) => d > 0 ? "double.PositiveInfinity" : "double.NegativeInfinity",
        float f when Value.Kind == TypedConstantKind.Primitive && float.IsInfinity(f) => f > 0 ? "float.PositiveInfinity" : "float.NegativeInfinity",
        double d when Value.Kind == TypedConstantKind.Primitive => d.ToString("R", CultureInfo.InvariantCulture),
        float f when Value.Kind == TypedConstantKind.Primitive => f.ToString("R", CultureInfo.InvariantCulture),
        string s when Value.Kind == TypedConstantKind.Primitive => "\"" + s + "\"",
        _ => Value.ToCSharpString(),
    };

    /// <summary>The whole argument (<c>Min = 0.9</c>), where it could be matched.</summary>
    public Location LocationOr(Location fallback) => Syntax?.GetLocation() ?? fallback;

    /// <summary>The value alone (<c>"fc1"</c> in <c>layer: "fc1"</c>), where it could be matched.</summary>
    public Location ValueLocationOr(Location fallback) => Syntax switch
    {
        AttributeArgumentSyntax argument => argument.Expression.GetLocation(),
        { } other => other.GetLocation(),
        null => fallback,
    };
}
