using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;

namespace InterpAudit.Checks;

/// <summary>
/// Validates any audit or check attribute from the limits its properties declare —
/// <see cref="BoundAttribute"/> and <see cref="ValidRangeAttribute"/> — and from their types (an enum
/// must hold a named value). The analyzers read the same metadata (IA0001), so what the editor flags
/// and what the audit rejects (IA3013) cannot drift apart.
/// </summary>
public static class DeclaredLimits
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<DeclaredBound>> Bounds = new();

    /// <summary>The bound properties of a check attribute type, in declaration order.</summary>
    public static IReadOnlyList<DeclaredBound> BoundsOf(Type attributeType) => Bounds.GetOrAdd(attributeType, type =>
        PropertiesOf(type)
            .Select(p => (Property: p, Bound: p.GetCustomAttribute<BoundAttribute>()))
            .Where(p => p.Bound is not null)
            .Select(p => new DeclaredBound(p.Property, p.Bound!))
            .ToList());

    /// <summary>What is wrong with the declaration's values, one phrase each; empty when nothing is.</summary>
    public static IEnumerable<string> Violations(Attribute attribute)
    {
        Type type = attribute.GetType();
        foreach (PropertyInfo property in PropertiesOf(type))
        {
            object? value = property.GetValue(attribute);
            if (value is Enum e && !Enum.IsDefined(property.PropertyType, e))
            {
                yield return $"{property.Name} = {Convert.ToInt64(e, CultureInfo.InvariantCulture)} is not one of {string.Join(", ", Enum.GetNames(property.PropertyType))}";
                continue;
            }
            if (value is not (double or float or int or long) || Range(property) is not { } range) continue;
            double number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
            if (range.Admits(number)) continue;
            yield return $"{property.Name} = {Text(number)} {range.Violation(number)}";
        }

        if (attribute is not AuditCheckAttribute check) yield break;
        IReadOnlyList<DeclaredBound> bounds = BoundsOf(type);
        if (bounds.Count > 0 && bounds.All(b => double.IsNaN(b.ValueOf(check))))
            yield return bounds.Count == 2
                ? $"neither {bounds[0].Name} nor {bounds[1].Name} is set"
                : $"none of {string.Join(", ", bounds.Take(bounds.Count - 1).Select(b => b.Name))} and {bounds[^1].Name} is set";
        foreach (DeclaredBound minimum in bounds.Where(b => b.Kind == BoundKind.Min))
        foreach (DeclaredBound maximum in bounds.Where(b => b.Kind == BoundKind.Max && b.Metric == minimum.Metric))
            if (minimum.ValueOf(check) > maximum.ValueOf(check))
                yield return $"{minimum.Name} = {Text(minimum.ValueOf(check))} is above {maximum.Name} = {Text(maximum.ValueOf(check))}: no value can pass both";
    }

    /// <summary>Public instance properties, base class's first, each once.</summary>
    private static IEnumerable<PropertyInfo> PropertiesOf(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.DeclaringType != typeof(Attribute) && p.GetIndexParameters().Length == 0)
            .OrderBy(p => Depth(p.DeclaringType!))
            .ThenBy(p => p.MetadataToken);

    private static int Depth(Type type) => type.BaseType is null ? 0 : 1 + Depth(type.BaseType);

    private static LimitRange? Range(PropertyInfo property) =>
        property.GetCustomAttribute<BoundAttribute>() is { } bound ? new LimitRange(bound.Lower, bound.Upper, false, null)
        : property.GetCustomAttribute<ValidRangeAttribute>() is { } valid ? new LimitRange(valid.Lower, valid.Upper, valid.LowerExclusive, valid.Reason)
        : null;

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The accepted interval; NaN is "not set" and always accepted, ±∞ never.</summary>
    private sealed record LimitRange(double Lower, double Upper, bool LowerExclusive, string? Reason)
    {
        public bool Admits(double value) => double.IsNaN(value)
            || (double.IsFinite(value) && (LowerExclusive ? value > Lower : value >= Lower) && value <= Upper);

        public string Violation(double value)
        {
            string why = Reason is null ? "" : $" ({Reason})";
            if (!double.IsFinite(value)) return "is not a finite number" + why;
            if (double.IsFinite(Lower) && double.IsFinite(Upper))
                return $"is outside {(LowerExclusive ? "(" : "[")}{Text(Lower)}, {Text(Upper)}]" + why;
            if (double.IsFinite(Lower))
                return (LowerExclusive ? $"is not above {Text(Lower)}" : $"is below {Text(Lower)}") + why;
            return $"is above {Text(Upper)}" + why;
        }
    }
}
