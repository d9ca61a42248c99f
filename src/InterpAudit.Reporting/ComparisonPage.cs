using InterpAudit.Checks;
using System.Globalization;
using System.Text.Json;
using InterpAudit.Reporting.Html;
using InterpAudit.Reporting.Sections;
using InterpAudit.Results;
using static InterpAudit.Reporting.MetricsJsonReader;

namespace InterpAudit.Reporting;

/// <summary>
/// index.html in the output root: every audit whose metrics.json is there, side by side — verdicts with
/// links to their reports, per-class effective circuit size as grouped bars (one colour per audit), and
/// the clusterability and specialisation figures. It reads the audits' written metrics.json files rather
/// than results in memory, so a build that runs one audit (-p:InterpAuditAudit=…) still shows the others'
/// latest outputs. Static and escaped like report.html; each family's part is an
/// <see cref="IComparisonSection"/> with a partial of its own under templates/comparison/.
/// </summary>
public sealed class ComparisonPage
{
    public const string FileName = "index.html";

    private readonly HtmlTemplate _template = HtmlTemplate.BuiltIn("index.scriban-html");

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
                foreach (IComparisonSection section in ComparisonSections.All) _ = section.Build([audit]);
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
        string html = _template.Render(BuildModel(contents));
        using var writer = new StreamWriter(destination, leaveOpen: true);
        writer.Write(html);
    }

    internal static IndexView BuildModel(Contents contents) => new(
        Schema: AuditResult.CurrentSchema,
        Audits: contents.Audits.Select(Row).ToArray(),
        Skipped: contents.Skipped.Select(k => new IndexView.SkippedFile(k.Path, k.Reason)).ToArray(),
        Sections: ComparisonSections.All.Select(s => s.Build(contents.Audits) is { } view ? new SectionView(s.Name, s.Partial, view) : null)
            .OfType<SectionView>().ToArray(),
        Css: TemplateResources.Css);

    /// <summary>The audit's row: its outputs' verdict, or, when its latest attempt failed after them (or before any), that failure.</summary>
    private static IndexView.AuditRow Row(Audit a)
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
        return new IndexView.AuditRow(
            Name: a.Name,
            Report: metrics is null ? null : Uri.EscapeDataString(a.Name) + "/report.html",
            Verdict: stale ? "ERROR" : verdict.ToUpperInvariant(),
            VerdictClass: stale ? "fail" : verdict,
            LastRun: lastRun,
            Passed: passed,
            Total: total,
            Weights: metrics is { } w && Object(w, "model") is { } model && Text(model, "weightsSha256") is { Length: > 12 } sha ? sha[..12] : "",
            Started: started is { } s ? Utc(s, seconds: false) : "");
    }

    /// <summary>
    /// Every audit's measurements of one family (and variant), selected by the identities metrics.json
    /// states beside them (<c>measurementIds</c>) — never by taking a key apart.
    /// </summary>
    internal static IEnumerable<(string Audit, MeasurementId Id, JsonElement Value)> Measurements(IReadOnlyList<Audit> audits, Type family, string? variant = null) =>
        audits.SelectMany(a => a.Metrics is { } metrics ? Measurements(metrics, family, variant).Select(m => (a.Name, m.Id, m.Value)) : []);

    /// <summary>The audit's circuit sizes, exact preferred to fast (at any sample cap), or null.</summary>
    internal static JsonElement? CircuitMeasurement(JsonElement metrics)
    {
        foreach (string variant in new[] { "exact", "fast" })
            foreach ((MeasurementId _, JsonElement value) in Measurements(metrics, typeof(CircuitCheckAttribute), variant))
                return value;
        return null;
    }

    private static IEnumerable<(MeasurementId Id, JsonElement Value)> Measurements(JsonElement metrics, Type family, string? variant)
    {
        if (Object(metrics, "measurements") is not { } values
            || !metrics.TryGetProperty("measurementIds", out JsonElement ids) || ids.ValueKind != JsonValueKind.Array)
            yield break;
        string name = FamilyName.Of(family);
        foreach (JsonElement element in ids.EnumerateArray())
        {
            MeasurementId? id = element.Deserialize<MeasurementId>(MetricsJson.Options);
            if (id is null || id.Family != name || (variant is not null && id.Variant != variant)) continue;
            if (Object(values, id.Key) is { } value) yield return (id, value);
        }
    }

    private static IEnumerable<JsonElement> Checks(JsonElement metrics) =>
        metrics.ValueKind == JsonValueKind.Object && metrics.TryGetProperty("checks", out JsonElement checks)
            ? Required(metrics, "checks", JsonValueKind.Array).EnumerateArray() : [];

    private static string Utc(DateTimeOffset at, bool seconds) =>
        at.ToUniversalTime().ToString(seconds ? "yyyy-MM-dd HH:mm:ss 'UTC'" : "yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
