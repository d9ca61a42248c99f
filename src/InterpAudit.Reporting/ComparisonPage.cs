using System.Globalization;
using System.Text.Json;
using HandlebarsDotNet;

namespace InterpAudit.Reporting;

/// <summary>
/// index.html in the output root: every audit whose metrics.json is there, side by side — verdicts with
/// links to their reports, per-class effective circuit size as grouped bars (one colour per audit), and
/// the clusterability and specialisation figures. It reads the audits' written metrics.json files rather
/// than results in memory, so a build that runs one audit (-p:InterpAuditAudit=…) still shows the others'
/// latest outputs. Static and escaped like report.html.
/// </summary>
public sealed class ComparisonPage
{
    public const string FileName = "index.html";

    private static readonly string[] Palette = ["#4c72b0", "#dd8452", "#55a868", "#c44e52", "#8172b3", "#937860"];
    private const double BarSpan = 360;

    private readonly HandlebarsTemplate<object, object> _template = Handlebars.Create().Compile(HtmlReportWriter.ReadResource("index.html.hbs"));
    private readonly string _css = HtmlReportWriter.ReadResource("report.css");

    /// <summary>
    /// One audit: its name, its parsed metrics.json (null when no run has written outputs yet) and its
    /// last-run.json (null when absent, e.g. outputs of a version that did not write it).
    /// </summary>
    public sealed record Audit(string Name, JsonElement? Metrics, LastRun? LastRun = null);

    /// <summary>A file in the output root the page could not read (not InterpAudit's, or of an older version), relative to the root, and why.</summary>
    public sealed record Skipped(string Path, string Reason);

    /// <summary>What <see cref="Read"/> found: the audits in name order, and the files it skipped.</summary>
    public sealed record Contents(IReadOnlyList<Audit> Audits, IReadOnlyList<Skipped> Skipped);

    /// <summary>
    /// Every <c>&lt;root&gt;/&lt;audit&gt;/metrics.json</c> and <c>last-run.json</c>, by audit name. The output
    /// root is shared with whatever else a user puts there, and with older versions' outputs: a file that
    /// does not parse, or lacks what the page shows, is skipped and listed with the reason rather than
    /// failing the build of audits that passed. Each metrics file is read here exactly as
    /// <see cref="Write"/> reads it, so that writing the page cannot fail on a file's contents.
    /// </summary>
    public static Contents Read(string root)
    {
        var audits = new List<Audit>();
        var skipped = new List<Skipped>();
        if (!Directory.Exists(root)) return new Contents(audits, skipped);
        foreach (string directory in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileName(directory);
            JsonElement? metrics = ReadFile(directory, "metrics.json", skipped, path =>
            {
                using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
                var audit = new Audit(name, document.RootElement.Clone());
                _ = Row(audit);
                _ = Circuit(audit);
                _ = Ablations([audit]).Count;
                _ = Modularity([audit]).Count;
                return (JsonElement?)audit.Metrics;
            });
            LastRun? lastRun = ReadFile(directory, LastRun.FileName, skipped, LastRun.Read);
            if (metrics is not null || lastRun is not null)
                audits.Add(new Audit(name, metrics, lastRun));
        }
        return new Contents(audits, skipped);
    }

    private static T? ReadFile<T>(string directory, string fileName, List<Skipped> skipped, Func<string, T> read)
    {
        string path = Path.Combine(directory, fileName);
        if (!File.Exists(path)) return default;
        string shown = Path.GetFileName(directory) + "/" + fileName;
        try
        {
            return read(path);
        }
        catch (JsonException e)
        {
            skipped.Add(new Skipped(shown, $"not valid JSON: {e.Message}"));
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or KeyNotFoundException or ArgumentException or IndexOutOfRangeException)
        {
            skipped.Add(new Skipped(shown, $"not an InterpAudit {(fileName == LastRun.FileName ? "run record" : "metrics file")}: {e.Message}"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            skipped.Add(new Skipped(shown, $"could not be read: {e.Message}"));
        }
        return default;
    }

    public void Write(Contents contents, Stream destination)
    {
        using var writer = new StreamWriter(destination, leaveOpen: true);
        writer.Write(_template(BuildModel(contents)));
    }

    internal object BuildModel(Contents contents)
    {
        IReadOnlyList<Audit> audits = contents.Audits;
        return new
        {
            css = _css,
            audits = audits.Select(Row).ToArray(),
            circuits = Circuits(audits),
            ablations = Ablations(audits) is { Count: > 0 } ablations ? ablations : null,
            modularity = Modularity(audits) is { Count: > 0 } modularity ? modularity : null,
            skipped = contents.Skipped.Count > 0 ? contents.Skipped.Select(k => new { path = k.Path, reason = k.Reason }).ToArray() : null,
        };
    }

    /// <summary>The audit's row: its outputs' verdict, or, when its latest attempt failed after them (or before any), that failure.</summary>
    private static object Row(Audit a)
    {
        JsonElement? metrics = a.Metrics;
        DateTimeOffset? started = metrics is { } m && DateTimeOffset.TryParse(Text(m, "startedAt"), CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTimeOffset at) ? at : null;
        string verdict = metrics is { } v ? Required(v, "verdict") : "";
        int passed = metrics is { } p ? Checks(p).Count(c => !Boolean(c, "failsGate")) : 0, total = metrics is { } t ? Checks(t).Count() : 0;
        // A failed attempt newer than the outputs (a killed runner writes no record, so the outputs stay the latest word then).
        bool stale = a.LastRun is { Failed: true } run && (started is null || run.At > started);
        string? lastRun = stale
            ? $"last run failed at {Utc(a.LastRun!.At, seconds: true)}, {string.Join(", ", a.LastRun.Codes)}; {(metrics is null ? "no outputs yet" : $"showing the previous outputs ({verdict.ToUpperInvariant()})")}"
            : null;
        return new
        {
            name = a.Name,
            report = metrics is null ? null : Uri.EscapeDataString(a.Name) + "/report.html",
            verdict = stale ? "ERROR" : verdict.ToUpperInvariant(),
            verdictClass = stale ? "fail" : verdict,
            lastRun,
            passed,
            total,
            weights = metrics is { } w && Object(w, "model") is { } model && Text(model, "weightsSha256") is { Length: > 12 } sha ? sha[..12] : "",
            started = started is { } s ? Utc(s, seconds: false) : "",
        };
    }

    private static List<object> Ablations(IReadOnlyList<Audit> audits) => Measurements(audits, "ablation:").Select(m => (object)new
    {
        audit = m.Audit,
        layer = Text(m.Value, "layer"),
        kind = "mean",
        specialization = Formatting.Number(Number(Required(m.Value, "mean", JsonValueKind.Object), "meanSpecialization")),
        random = Formatting.Number(Number(Required(m.Value, "mean", JsonValueKind.Object), "randomMeanSpecialization")),
        collateral = Formatting.Number(Number(Required(m.Value, "mean", JsonValueKind.Object), "maxCollateralDrop")),
    }).ToList();

    private static List<object> Modularity(IReadOnlyList<Audit> audits) => Measurements(audits, "modularity:").Select(m => (object)new
    {
        audit = m.Audit,
        layer = Text(m.Value, "layer"),
        clusters = m.Key.Split(":k=")[^1].Split(':')[0],
        clusterability = Formatting.Number(Number(m.Value, "clusterability")),
        normalized = Formatting.Number(Number(m.Value, "normalizedClusterability")),
    }).ToList();

    /// <summary>The audit's circuit measurement (exact preferred), or null.</summary>
    private static (string Mode, double Mean, Dictionary<string, double> Classes)? Circuit(Audit a)
    {
        if (a.Metrics is not { } metrics || (Measurement(metrics, "circuit:exact") ?? Measurement(metrics, "circuit:fast")) is not { } circuit) return null;
        return (Text(circuit, "mode"), Number(circuit, "meanEcs"),
            Required(circuit, "classes", JsonValueKind.Array).EnumerateArray().ToDictionary(c => Text(c, "className"), c => Number(c, "ecs")));
    }

    /// <summary>Grouped bars: a row per class name, one bar per audit with a circuit measurement (exact preferred).</summary>
    private static object? Circuits(IReadOnlyList<Audit> audits)
    {
        var runs = audits.Select((a, i) => (Audit: a.Name, Color: Palette[i % Palette.Length], Circuit: Circuit(a)))
            .Where(r => r.Circuit is not null)
            .Select(r => (r.Audit, r.Color, r.Circuit!.Value.Mode, r.Circuit!.Value.Mean, r.Circuit!.Value.Classes))
            .ToList();
        if (runs.Count == 0) return null;
        List<string> classes = runs.SelectMany(r => r.Classes.Keys).Distinct().ToList();
        double scale = Math.Max(1e-12, runs.SelectMany(r => r.Classes.Values).Where(double.IsFinite).DefaultIfEmpty(1).Max());
        int groupHeight = 12 * runs.Count + 10;
        var groups = classes.Select((name, g) => new
        {
            name,
            labelY = g * groupHeight + 6 * runs.Count + 4,
            bars = runs.Select((r, b) =>
            {
                double ecs = r.Classes.TryGetValue(name, out double v) ? v : double.NaN;
                double width = double.IsFinite(ecs) ? BarSpan * ecs / scale : 0;
                int y = g * groupHeight + 12 * b;
                return new
                {
                    y, width = Px(width), color = r.Color, valueX = Px(126 + width), textY = y + 9,
                    value = Formatting.Number(ecs), title = $"{r.Audit}, class {name}: ECS {Formatting.Number(ecs)}",
                };
            }).ToArray(),
        }).ToArray();
        return new
        {
            mode = string.Join(", ", runs.Select(r => r.Mode).Distinct()),
            width = 560,
            height = classes.Count * groupHeight,
            groups,
            legend = runs.Select(r => new { name = r.Audit, color = r.Color, mean = Formatting.Number(r.Mean) }).ToArray(),
        };
    }

    private static IEnumerable<(string Audit, string Key, JsonElement Value)> Measurements(IReadOnlyList<Audit> audits, string prefix) =>
        audits.SelectMany(a => a.Metrics is { } metrics && Object(metrics, "measurements") is { } m
            ? m.EnumerateObject().Where(p => p.Name.StartsWith(prefix, StringComparison.Ordinal)).Select(p => (a.Name, p.Name, p.Value))
            : []);

    private static JsonElement? Measurement(JsonElement metrics, string key) =>
        Object(metrics, "measurements") is { } m && Object(m, key) is { } value ? value : null;

    private static IEnumerable<JsonElement> Checks(JsonElement metrics) =>
        metrics.ValueKind == JsonValueKind.Object && metrics.TryGetProperty("checks", out JsonElement checks)
            ? Required(metrics, "checks", JsonValueKind.Array).EnumerateArray() : [];

    // Readers that say what they expected: their messages are the reasons a skipped file is listed with.

    private static string Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

    /// <summary>The property if it is an object, else null (optional parts of older files).</summary>
    private static JsonElement? Object(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out JsonElement value) && value.ValueKind == JsonValueKind.Object ? value : null;

    private static string Required(JsonElement element, string property) =>
        Required(element, property, JsonValueKind.String).GetString()!;

    private static JsonElement Required(JsonElement element, string property, JsonValueKind kind) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out JsonElement value) && value.ValueKind == kind
            ? value
            : throw new FormatException($"expected {(kind is JsonValueKind.Array or JsonValueKind.Object ? "an" : "a")} {kind.ToString().ToLowerInvariant()} \"{property}\"");

    /// <summary>A number, or the "NaN"/"Infinity" strings that metrics.json writes for values JSON cannot hold.</summary>
    private static double Number(JsonElement element, string property)
    {
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out JsonElement value))
        {
            if (value.ValueKind == JsonValueKind.Number) return value.GetDouble();
            if (value.ValueKind == JsonValueKind.String && value.GetString() is "NaN" or "Infinity" or "-Infinity")
                return double.Parse(value.GetString()!, CultureInfo.InvariantCulture);
        }
        throw new FormatException($"expected a number \"{property}\"");
    }

    private static bool Boolean(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out JsonElement value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : throw new FormatException($"expected true or false \"{property}\"");

    private static string Utc(DateTimeOffset at, bool seconds) =>
        at.ToUniversalTime().ToString(seconds ? "yyyy-MM-dd HH:mm:ss 'UTC'" : "yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string Px(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
