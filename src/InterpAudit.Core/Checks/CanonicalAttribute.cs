using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;

namespace InterpAudit.Checks;

/// <summary>
/// One attribute's canonical form (docs/provenance.md, "The configuration hash"): a compact JSON object
/// <c>{"attribute":"&lt;full type name&gt;","&lt;Property&gt;":&lt;value&gt;,…}</c> with every public
/// property (unset ones included) in ordinal name order; numbers as round-trip invariant strings
/// (<c>"0.05"</c>, <c>"NaN"</c>), enums by name, strings and null as JSON. <see cref="AuditConfiguration"/>
/// hashes it; a sharded audit records its split units' declarations in it, so that <c>interpaudit
/// merge</c>, which has no audited assembly, can <see cref="Rebuild"/> them and judge the assembled measurements.
/// </summary>
public static class CanonicalAttribute
{
    public static string Line(Attribute attribute)
    {
        Type type = attribute.GetType();
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("attribute", type.FullName);
            foreach (PropertyInfo property in Properties(type))
            {
                json.WritePropertyName(property.Name);
                Write(json, property.GetValue(attribute), type, property);
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>
    /// The check attribute <paramref name="line"/> describes: one of InterpAudit's own check attribute
    /// types, made through its constructor (whose parameters are its get-only properties, e.g. a layer)
    /// with every other property set. Throws <see cref="InvalidDataException"/> saying why when the line is
    /// not one, or when the rebuilt attribute's own line is not <paramref name="line"/>.
    /// </summary>
    public static AuditCheckAttribute Rebuild(string line)
    {
        using JsonDocument document = ParseObject(line);
        JsonElement root = document.RootElement;
        string? typeName = root.TryGetProperty("attribute", out JsonElement name) && name.ValueKind == JsonValueKind.String ? name.GetString() : null;
        Type? type = typeName is null ? null : typeof(AuditCheckAttribute).Assembly.GetType(typeName, throwOnError: false);
        if (type is null || type.IsAbstract || !type.IsSubclassOf(typeof(AuditCheckAttribute)))
            throw new InvalidDataException($"'{typeName ?? "(none)"}' is not one of InterpAudit's check attributes");
        PropertyInfo[] properties = Properties(type).ToArray();
        object? Value(PropertyInfo property) => root.TryGetProperty(property.Name, out JsonElement value)
            ? Read(value, property)
            : throw new InvalidDataException($"{type.Name} has no {property.Name}");

        ConstructorInfo constructor = type.GetConstructors()
            .Where(c => c.GetParameters().All(p => properties.Any(q => Same(q, p))))
            .OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()
            ?? throw new InvalidDataException($"{type.Name} has no constructor whose parameters are its properties");
        ParameterInfo[] parameters = constructor.GetParameters();
        var attribute = (AuditCheckAttribute)constructor.Invoke(parameters.Select(p => Value(properties.First(q => Same(q, p)))).ToArray());
        foreach (PropertyInfo property in properties.Where(p => p.CanWrite && !parameters.Any(q => Same(p, q))))
            property.SetValue(attribute, Value(property));
        if (Line(attribute) != line)
            throw new InvalidDataException($"{type.Name} rebuilds as {Line(attribute)}, not as recorded");
        return attribute;
    }

    private static bool Same(PropertyInfo property, ParameterInfo parameter) =>
        string.Equals(property.Name, parameter.Name, StringComparison.OrdinalIgnoreCase) && parameter.ParameterType == property.PropertyType;

    private static IEnumerable<PropertyInfo> Properties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.DeclaringType != typeof(Attribute) && p.GetIndexParameters().Length == 0)
            .OrderBy(p => p.Name, StringComparer.Ordinal);

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
                // A setting of a type without a canonical form would hash by chance: a new type needs a case here and in Read.
                throw new NotSupportedException($"{type.Name}.{property.Name} is a {property.PropertyType.Name}, which CanonicalAttribute has no canonical form for.");
        }
    }

    private static object? Read(JsonElement value, PropertyInfo property)
    {
        Type type = property.PropertyType;
        try
        {
            if (value.ValueKind == JsonValueKind.Null) return null;
            if (type == typeof(string)) return value.GetString();
            if (type.IsEnum) return Enum.Parse(type, value.GetString()!, ignoreCase: false);
            if (type == typeof(double)) return double.Parse(value.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture);
            if (type == typeof(int)) return int.Parse(value.GetString()!, NumberStyles.Integer, CultureInfo.InvariantCulture);
            if (type == typeof(bool)) return value.GetBoolean();
            if (type == typeof(string[])) return value.EnumerateArray().Select(item => item.GetString()!).ToArray();
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or OverflowException or ArgumentException)
        {
            throw new InvalidDataException($"{property.DeclaringType?.Name}.{property.Name} is {value.GetRawText()}, not a {type.Name}");
        }
        throw new InvalidDataException($"{property.DeclaringType?.Name}.{property.Name} is a {type.Name}, which CanonicalAttribute cannot read");
    }

    private static JsonDocument ParseObject(string line)
    {
        try
        {
            JsonDocument document = JsonDocument.Parse(line);
            if (document.RootElement.ValueKind == JsonValueKind.Object) return document;
            document.Dispose();
        }
        catch (JsonException)
        {
        }
        throw new InvalidDataException("the attribute is not a JSON object");
    }
}
