using System.Globalization;
using System.Text.Json;

namespace InterpAudit.Reporting;

/// <summary>
/// <c>&lt;output&gt;/&lt;audit&gt;/last-run.json</c>: when the audit last ran, its verdict — or
/// <see cref="Error"/> when it could not run — and the codes it reported. Written on every run, a failed
/// one included, while a failed run leaves the previous outputs in place (they are a complete, true set
/// of an earlier run); this file is what says that they are no longer the latest attempt, so that
/// index.html does not show a stale PASS as current.
/// </summary>
/// <param name="Audit">The audit's name.</param>
/// <param name="At">When the run started (UTC).</param>
/// <param name="Verdict">"pass", "warn" or "fail" as in metrics.json, or "error" when the run wrote no outputs.</param>
/// <param name="Codes">The diagnostic codes the run reported for this audit, in order, without repeats.</param>
public sealed record LastRun(string Audit, DateTimeOffset At, string Verdict, IReadOnlyList<string> Codes)
{
    public const string FileName = "last-run.json";

    /// <summary>The verdict of a run that stopped on bad input or an internal error and wrote no outputs.</summary>
    public const string Error = "error";

    public const int CurrentSchema = 1;

    public bool Failed => Verdict == Error;

    public void Write(Stream destination)
    {
        using var writer = new Utf8JsonWriter(destination, new JsonWriterOptions { Indented = true, Encoder = MetricsJson.Options.Encoder });
        writer.WriteStartObject();
        writer.WriteNumber("schema", CurrentSchema);
        writer.WriteString("audit", Audit);
        writer.WriteString("at", At.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
        writer.WriteString("verdict", Verdict);
        writer.WriteStartArray("codes");
        foreach (string code in Codes) writer.WriteStringValue(code);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Reads a last-run.json; throws <see cref="JsonException"/> or <see cref="FormatException"/>, saying what is wrong, for any other file.</summary>
    public static LastRun Read(string path)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
        JsonElement root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
            throw new FormatException($"expected a JSON object, found {root.ValueKind}");
        string audit = String(root, "audit"), verdict = String(root, "verdict");
        if (!DateTimeOffset.TryParse(String(root, "at"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset at))
            throw new FormatException("expected a time \"at\"");
        if (!root.TryGetProperty("codes", out JsonElement codes) || codes.ValueKind != JsonValueKind.Array
            || codes.EnumerateArray().Any(c => c.ValueKind != JsonValueKind.String))
            throw new FormatException("expected an array of strings \"codes\"");
        return new LastRun(audit, at, verdict, codes.EnumerateArray().Select(c => c.GetString()!).ToArray());
    }

    private static string String(JsonElement element, string property) =>
        element.TryGetProperty(property, out JsonElement value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new FormatException($"expected a string \"{property}\"");
}
