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

    /// <summary>One audit: its name and its parsed metrics.json.</summary>
    public sealed record Audit(string Name, JsonElement Metrics);

    /// <summary>Every <c>&lt;root&gt;/&lt;audit&gt;/metrics.json</c> that parses, by audit name; others are skipped.</summary>
    public static IReadOnlyList<Audit> Read(string root)
    {
        var audits = new List<Audit>();
        if (!Directory.Exists(root)) return audits;
        foreach (string directory in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
        {
            string path = Path.Combine(directory, "metrics.json");
            if (!File.Exists(path)) continue;
            try
            {
                using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
                audits.Add(new Audit(Path.GetFileName(directory), document.RootElement.Clone()));
            }
            catch (JsonException)
            {
                // A metrics.json that does not parse was not written by InterpAudit (its writes are atomic).
            }
        }
        return audits;
    }

    public void Write(IReadOnlyList<Audit> audits, Stream destination)
    {
        using var writer = new StreamWriter(destination, leaveOpen: true);
        writer.Write(_template(BuildModel(audits)));
    }

    internal object BuildModel(IReadOnlyList<Audit> audits) => new
    {
        css = _css,
        audits = audits.Select(a => new
        {
            name = a.Name,
            report = Uri.EscapeDataString(a.Name) + "/report.html",
            verdict = Text(a.Metrics, "verdict").ToUpperInvariant(),
            verdictClass = Text(a.Metrics, "verdict"),
            passed = Checks(a.Metrics).Count(c => !c.GetProperty("failsGate").GetBoolean()),
            total = Checks(a.Metrics).Count(),
            weights = Text(a.Metrics.GetProperty("model"), "weightsSha256") is { Length: > 12 } sha ? sha[..12] : "",
            started = DateTimeOffset.TryParse(Text(a.Metrics, "startedAt"), CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTimeOffset at)
                ? at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "",
        }).ToArray(),
        circuits = Circuits(audits),
        ablations = Measurements(audits, "ablation:").Select(m => new
        {
            audit = m.Audit,
            layer = Text(m.Value, "layer"),
            kind = "mean",
            specialization = Formatting.Number(m.Value.GetProperty("mean").GetProperty("meanSpecialization").GetDouble()),
            random = Formatting.Number(m.Value.GetProperty("mean").GetProperty("randomMeanSpecialization").GetDouble()),
            collateral = Formatting.Number(m.Value.GetProperty("mean").GetProperty("maxCollateralDrop").GetDouble()),
        }).ToArray() is { Length: > 0 } ablations ? ablations : null,
        modularity = Measurements(audits, "modularity:").Select(m => new
        {
            audit = m.Audit,
            layer = Text(m.Value, "layer"),
            clusters = m.Key.Split(":k=")[^1].Split(':')[0],
            clusterability = Formatting.Number(m.Value.GetProperty("clusterability").GetDouble()),
            normalized = Formatting.Number(m.Value.GetProperty("normalizedClusterability").GetDouble()),
        }).ToArray() is { Length: > 0 } modularity ? modularity : null,
    };

    /// <summary>Grouped bars: a row per class name, one bar per audit with a circuit measurement (exact preferred).</summary>
    private static object? Circuits(IReadOnlyList<Audit> audits)
    {
        var runs = audits.Select((a, i) => (Audit: a.Name, Color: Palette[i % Palette.Length],
                Circuit: Measurement(a.Metrics, "circuit:exact") ?? Measurement(a.Metrics, "circuit:fast")))
            .Where(r => r.Circuit is not null)
            .Select(r => (r.Audit, r.Color, Mode: Text(r.Circuit!.Value, "mode"), Mean: r.Circuit!.Value.GetProperty("meanEcs").GetDouble(),
                Classes: r.Circuit!.Value.GetProperty("classes").EnumerateArray()
                    .ToDictionary(c => Text(c, "className"), c => c.GetProperty("ecs").GetDouble())))
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
        audits.SelectMany(a => a.Metrics.TryGetProperty("measurements", out JsonElement m)
            ? m.EnumerateObject().Where(p => p.Name.StartsWith(prefix, StringComparison.Ordinal)).Select(p => (a.Name, p.Name, p.Value))
            : []);

    private static JsonElement? Measurement(JsonElement metrics, string key) =>
        metrics.TryGetProperty("measurements", out JsonElement m) && m.TryGetProperty(key, out JsonElement value) ? value : null;

    private static IEnumerable<JsonElement> Checks(JsonElement metrics) =>
        metrics.TryGetProperty("checks", out JsonElement checks) ? checks.EnumerateArray() : [];

    private static string Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

    private static string Px(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
