using System.Globalization;

namespace InterpAudit.Results;

/// <summary>
/// Builds a metric's scope text from named parts, <c>class=7,samples=500</c>, leaving out the parts that
/// are null — a setting at its default is not named, so a baseline keyed on the default scope still
/// matches when the user spells the default out.
/// </summary>
public static class MetricScope
{
    public static string Of(params (string Name, object? Value)[] parts) =>
        string.Join(",", parts.Where(p => p.Value is not null)
            .Select(p => $"{p.Name}={Convert.ToString(p.Value, CultureInfo.InvariantCulture)}"));

    /// <summary>The value when it differs from the default, else null (left out of the scope).</summary>
    public static object? UnlessDefault<T>(T value, T defaultValue) where T : notnull =>
        EqualityComparer<T>.Default.Equals(value, defaultValue) ? null : value;
}
