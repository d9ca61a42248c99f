using System.Globalization;
using System.Reflection;
using HandlebarsDotNet;
using InterpAudit.Reporting.Sections;
using InterpAudit.Results;

namespace InterpAudit.Reporting;

/// <summary>
/// report.html: a static, self-contained page (inline CSS and SVG, no script, no network) with the
/// verdict first. Rendered with Handlebars.Net, whose <c>{{ }}</c> HTML-escapes every value, so layer
/// names, class names and paths from the user cannot inject markup. The template is
/// templates/report.html.hbs (embedded) unless the user supplies one.
/// </summary>
public sealed class HtmlReportWriter : IReportWriter
{
    private readonly HandlebarsTemplate<object, object> _template;
    private readonly string _css;

    public HtmlReportWriter(string? templatePath = null)
    {
        string source = templatePath is null ? ReadResource("report.html.hbs") : File.ReadAllText(templatePath);
        _template = Handlebars.Create().Compile(source);
        _css = ReadResource("report.css");
    }

    public string FileName => "report.html";

    public void Write(AuditResult result, Stream destination)
    {
        using var writer = new StreamWriter(destination, leaveOpen: true);
        writer.Write(_template(BuildModel(result)));
    }

    internal object BuildModel(AuditResult result)
    {
        var checks = result.Checks.Select(c => new
        {
            verdict = Formatting.CheckVerdict(c),
            verdictClass = !c.FailsGate ? "pass" : c.Severity == CheckSeverity.Error ? "fail" : "warn",
            baseline = Formatting.Baseline(c.Baseline),
            delta = Formatting.Delta(c.Baseline),
            metric = c.Metric,
            scope = c.Scope,
            value = Formatting.Number(c.Value),
            interval = Formatting.Interval(c.Interval),
            threshold = c.Threshold.ToString(),
            severity = Formatting.Lower(c.Severity),
            code = Formatting.FindingCode(c),
            location = Formatting.Location(c.Location),
        }).ToArray();
        return new
        {
            audit = result.Audit,
            targetType = result.TargetType,
            startedAt = result.StartedAt.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture),
            verdictText = Formatting.Verdict(result.Verdict),
            verdictClass = result.Verdict switch { AuditVerdict.Pass => "pass", AuditVerdict.Warn => "warn", _ => "fail" },
            total = result.Checks.Count,
            passed = result.Checks.Count(c => !c.FailsGate),
            failedErrors = result.Checks.Count(c => c.FailsGate && c.Severity == CheckSeverity.Error),
            failedWarnings = result.Checks.Count(c => c.FailsGate && c.Severity == CheckSeverity.Warning),
            checks,
            accepted = result.Checks.Where(c => c.Baseline?.Status == RegressionStatus.Accepted).Select(c => new
            {
                metric = c.Scope.Length == 0 ? c.Metric : $"{c.Metric}({c.Scope})",
                value = Formatting.Number(c.Value),
                baseline = Formatting.Baseline(c.Baseline),
                delta = Formatting.Delta(c.Baseline),
                reason = c.Baseline!.AcceptedReason,
            }).ToArray(),
            baselines = BaselineSection.Build(result),
            accuracy = AccuracySection.Build(result),
            information = InformationSection.Build(result),
            lib = LibSection.Build(result),
            modularity = ModularitySection.Build(result),
            ablation = AblationSection.Build(result),
            circuits = CircuitSection.Build(result),
            provenance = Provenance(result),
            toolVersion = result.ToolVersion,
            css = _css,
        };
    }

    private static object[] Provenance(AuditResult result) =>
    [
        new { key = "Model type", value = result.Model.Type },
        new { key = "Parameters", value = result.Model.Parameters.ToString("N0", CultureInfo.InvariantCulture) },
        new { key = "Weights", value = result.Model.WeightsPath },
        new { key = "Weights SHA-256", value = result.Model.WeightsSha256 },
        new { key = "Evaluation samples", value = result.Dataset.SampleCount.ToString(CultureInfo.InvariantCulture) },
        new { key = "Evaluation data SHA-256", value = result.Dataset.Sha256 },
        new { key = "Classes", value = string.Join(", ", result.ClassNames) },
        new { key = "Device", value = result.Device },
        new { key = "Seed", value = result.Seed.ToString(CultureInfo.InvariantCulture) },
        new { key = "Tool version", value = result.ToolVersion },
        new { key = "Source commit", value = result.SourceRevision ?? "(not in a git repository)" },
        new { key = "Started", value = result.StartedAt.ToString("O", CultureInfo.InvariantCulture) },
        new { key = "Timings", value = string.Join(", ", result.TimingsSeconds.Select(t => $"{t.Key} {t.Value:F2} s")) },
    ];

    internal static string ReadResource(string name)
    {
        Assembly assembly = typeof(HtmlReportWriter).Assembly;
        using Stream stream = assembly.GetManifestResourceStream("InterpAudit.Reporting.Templates." + name)
            ?? throw new InvalidOperationException($"Embedded template {name} is missing from {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
