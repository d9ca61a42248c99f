using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace InterpAudit.Reporting;

/// <summary>The JSON settings of metrics.json, shared by the writer and by readers (baselines, tests).</summary>
public static class MetricsJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // JSON has no NaN; a metric that could not be computed is written "NaN" rather than dropped,
        // so that a reader sees it and fails it.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        // Readable non-ASCII class names; HTML escaping is the HTML writer's job, not this file's.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
