using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace InterpAudit.Checks;

/// <summary>
/// The audit's configuration in one canonical form, and its SHA-256 (metrics.json
/// <c>configurationSha256</c>): two runs have the same hash exactly when they declared the same
/// attributes with the same settings, on any machine, culture or runtime.
/// </summary>
/// <remarks>
/// The form (docs/provenance.md, "The configuration hash"): one compact JSON object per attribute,
/// <c>{"attribute":"&lt;full type name&gt;","&lt;Property&gt;":&lt;value&gt;,…}</c> with every public
/// property (unset ones included, so a new default is a new configuration) in ordinal name order;
/// numbers as round-trip invariant strings (<c>"0.05"</c>, <c>"NaN"</c>), enums by name, strings and
/// null as JSON. The audit's object is the first line, the checks' follow sorted ordinally — the order
/// attributes are written in declares nothing — each line ending in <c>\n</c>, hashed as UTF-8.
/// </remarks>
public static class AuditConfiguration
{
    public static string Canonical(InterpretabilityAuditAttribute audit, IEnumerable<AuditCheckAttribute> checks)
    {
        var text = new StringBuilder();
        text.Append(Line(audit)).Append('\n');
        foreach (string line in checks.Select(Line).Order(StringComparer.Ordinal))
            text.Append(line).Append('\n');
        return text.ToString();
    }

    public static string Sha256(InterpretabilityAuditAttribute audit, IEnumerable<AuditCheckAttribute> checks) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(audit, checks))));

    private static string Line(Attribute attribute)
    {
        Type type = attribute.GetType();
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("attribute", type.FullName);
            foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                         .Where(p => p.DeclaringType != typeof(Attribute) && p.GetIndexParameters().Length == 0)
                         .OrderBy(p => p.Name, StringComparer.Ordinal))
            {
                json.WritePropertyName(property.Name);
                Write(json, property.GetValue(attribute), type, property);
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Write(Utf8JsonWriter json, object? value, Type type, PropertyInfo property)
    {
        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case string s: json.WriteStringValue(s); break;
            case Enum e: json.WriteStringValue(e.ToString()); break;
            case double d: json.WriteStringValue(d.ToString("R", CultureInfo.InvariantCulture)); break;
            case int i: json.WriteStringValue(i.ToString(CultureInfo.InvariantCulture)); break;
            case bool b: json.WriteBooleanValue(b); break;
            case string[] items:
                json.WriteStartArray();
                foreach (string item in items) json.WriteStringValue(item);
                json.WriteEndArray();
                break;
            default:
                // A setting of a type without a canonical form would hash by chance: a new type needs a case above.
                throw new NotSupportedException($"{type.Name}.{property.Name} is a {property.PropertyType.Name}, which AuditConfiguration has no canonical form for.");
        }
    }
}
