using System;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace InterpAudit.Analyzers;

/// <summary>
/// The values one property of a check or audit attribute may take, read from the
/// <c>[Bound]</c> or <c>[ValidRange]</c> it carries in InterpAudit.Abstractions (or in any assembly
/// that declares a check family the same way). The audit validates the same metadata with
/// <c>InterpAudit.Checks.DeclaredLimits</c> (IA3013): NaN is "not set" and always accepted, ±∞ never.
/// </summary>
internal sealed class DeclaredLimit
{
    private DeclaredLimit(double lower, double upper, bool lowerExclusive, string? reason, string? metric, string? kind)
    {
        Lower = lower;
        Upper = upper;
        LowerExclusive = lowerExclusive;
        Reason = reason;
        Metric = metric;
        Kind = kind;
    }

    public double Lower { get; }

    public double Upper { get; }

    public bool LowerExclusive { get; }

    /// <summary>Why the limit is what it is (<c>ValidRange.Reason</c>), for the message.</summary>
    public string? Reason { get; }

    /// <summary>The metric a <c>[Bound]</c> bounds (<c>clusterability</c>); null for a setting.</summary>
    public string? Metric { get; }

    /// <summary>The <c>BoundKind</c> member's name, <c>Min</c> or <c>Max</c>; null for a setting.</summary>
    private string? Kind { get; }

    public bool IsMinimum => Metric is not null && Kind == "Min";

    public bool IsMaximum => Metric is not null && Kind == "Max";

    /// <summary>[0, 1] with nothing more to say: accuracies, shares of units, clusterability.</summary>
    public bool IsFraction => Lower == 0 && Upper == 1 && !LowerExclusive && Reason is null;

    public bool Admits(double value) => double.IsNaN(value)
        || (!double.IsInfinity(value) && (LowerExclusive ? value > Lower : value >= Lower) && value <= Upper);

    /// <summary>What the value should be, for the message: "a value in (0, 0.5]", "at least 10".</summary>
    public string Expectation
    {
        get
        {
            bool hasLower = !double.IsInfinity(Lower), hasUpper = !double.IsInfinity(Upper);
            if (hasLower && hasUpper) return $"a value in {(LowerExclusive ? "(" : "[")}{Text(Lower)}, {Text(Upper)}]";
            if (hasLower) return LowerExclusive ? "a value above " + Text(Lower) : "at least " + Text(Lower);
            if (hasUpper) return "at most " + Text(Upper);
            return "a finite number";
        }
    }

    /// <summary>" — why", or "" when the declaration gives no reason.</summary>
    public string ReasonSuffix => Reason is null ? "" : " — " + Reason;

    /// <summary>The limit the property declares, or null when it carries neither attribute.</summary>
    public static DeclaredLimit? Of(IPropertySymbol property, AuditSymbols symbols)
    {
        foreach (AttributeData data in property.GetAttributes())
        {
            if (symbols.BoundAttribute is { } bound && SymbolEqualityComparer.Default.Equals(data.AttributeClass, bound))
                return FromBound(data);
            if (symbols.ValidRangeAttribute is { } valid && SymbolEqualityComparer.Default.Equals(data.AttributeClass, valid))
                return FromValidRange(data);
        }
        return null;
    }

    // [Bound(metric, kind, code, Lower = …, Upper = …)]: the limits are named properties, ±∞ when left out.
    private static DeclaredLimit? FromBound(AttributeData data)
    {
        if (Argument(data, "metric") is not { Value: string metric } || Argument(data, "kind") is not { } kind) return null;
        return new DeclaredLimit(
            Named(data, "Lower") ?? double.NegativeInfinity,
            Named(data, "Upper") ?? double.PositiveInfinity,
            lowerExclusive: false, reason: null, metric, EnumMemberName(kind));
    }

    // [ValidRange(lower, upper = +∞, LowerExclusive = …, Reason = …)].
    private static DeclaredLimit? FromValidRange(AttributeData data)
    {
        if (Number(Argument(data, "lower")) is not { } lower) return null;
        return new DeclaredLimit(
            lower,
            Number(Argument(data, "upper")) ?? double.PositiveInfinity,
            data.NamedArguments.FirstOrDefault(a => a.Key == "LowerExclusive").Value.Value is true,
            data.NamedArguments.FirstOrDefault(a => a.Key == "Reason").Value.Value as string,
            metric: null, kind: null);
    }

    /// <summary>A constructor argument by its parameter's name, whatever its position.</summary>
    private static TypedConstant? Argument(AttributeData data, string parameter)
    {
        if (data.AttributeConstructor is not { } constructor) return null;
        for (int i = 0; i < constructor.Parameters.Length && i < data.ConstructorArguments.Length; i++)
            if (string.Equals(constructor.Parameters[i].Name, parameter, StringComparison.OrdinalIgnoreCase))
                return data.ConstructorArguments[i];
        return null;
    }

    private static double? Named(AttributeData data, string name) =>
        Number(data.NamedArguments.Where(a => a.Key == name).Select(a => (TypedConstant?)a.Value).FirstOrDefault());

    private static double? Number(TypedConstant? constant) =>
        constant is { Kind: TypedConstantKind.Primitive, Value: not (null or string or bool or char) } c
            ? Convert.ToDouble(c.Value, CultureInfo.InvariantCulture)
            : null;

    private static string? EnumMemberName(TypedConstant? kind) =>
        kind is { Kind: TypedConstantKind.Enum, Type: INamedTypeSymbol type } k
            ? type.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, k.Value))?.Name
            : null;

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
