using System.Globalization;
using System.Text.Json;

namespace InterpAudit.Reporting;

/// <summary>
/// Readers of a written metrics.json that say what they expected: their messages are the reasons the
/// index page lists a skipped file with. Optional parts of older files read as empty or null.
/// </summary>
internal static class MetricsJsonReader
{
    public static string Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

    /// <summary>The property if it is an object, else null (optional parts of older files).</summary>
    public static JsonElement? Object(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out JsonElement value) && value.ValueKind == JsonValueKind.Object ? value : null;

    public static string Required(JsonElement element, string property) =>
        Required(element, property, JsonValueKind.String).GetString()!;

    public static JsonElement Required(JsonElement element, string property, JsonValueKind kind) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out JsonElement value) && value.ValueKind == kind
            ? value
            : throw new FormatException($"expected {(kind is JsonValueKind.Array or JsonValueKind.Object ? "an" : "a")} {kind.ToString().ToLowerInvariant()} \"{property}\"");

    /// <summary>A number, or the "NaN"/"Infinity" strings that metrics.json writes for values JSON cannot hold.</summary>
    public static double Number(JsonElement element, string property)
    {
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out JsonElement value))
        {
            if (value.ValueKind == JsonValueKind.Number) return value.GetDouble();
            if (value.ValueKind == JsonValueKind.String && value.GetString() is "NaN" or "Infinity" or "-Infinity")
                return double.Parse(value.GetString()!, CultureInfo.InvariantCulture);
        }
        throw new FormatException($"expected a number \"{property}\"");
    }

    public static bool Boolean(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out JsonElement value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : throw new FormatException($"expected true or false \"{property}\"");
}
