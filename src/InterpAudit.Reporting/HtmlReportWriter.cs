using System.Globalization;
using InterpAudit.Reporting.Html;
using InterpAudit.Reporting.Sections;
using InterpAudit.Results;

namespace InterpAudit.Reporting;

/// <summary>
/// report.html: a static, self-contained page (inline CSS, SVG and PNG data: images, no script, no network) with the
/// verdict first. A Scriban template over <see cref="ReportView"/>, templates/report.scriban-html
/// (embedded) unless the user supplies one; every section is a partial of its own. Escaping is
/// structural (<see cref="EscapingTemplateContext"/>), so layer names, class names and paths from the
/// user cannot inject markup whatever the template.
/// </summary>
public sealed class HtmlReportWriter : IReportWriter
{
    private readonly HtmlTemplate _template;

    /// <summary>With a user's template; one that cannot be read or parsed throws <see cref="Diagnostics.AuditInputException"/> (IA3031).</summary>
    public HtmlReportWriter(string? templatePath = null)
    {
        _template = templatePath is null ? HtmlTemplate.BuiltIn("report.scriban-html") : HtmlTemplate.FromFile(templatePath);
    }

    public string FileName => "report.html";

    public void Write(AuditResult result, Stream destination)
    {
        string html = _template.Render(BuildModel(result));
        using var writer = new StreamWriter(destination, leaveOpen: true);
        writer.Write(html);
    }

    internal static ReportView BuildModel(AuditResult result)
    {
        ReportView.Check[] checks = result.Checks.Select(Check).ToArray();
        return new(
        Schema: AuditResult.CurrentSchema,
        Audit: result.Audit,
        TargetType: result.TargetType,
        StartedAt: result.StartedAt.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture),
        VerdictText: Formatting.Verdict(result.Verdict),
        VerdictClass: result.Verdict switch { AuditVerdict.Pass => "pass", AuditVerdict.Warn => "warn", _ => "fail" },
        Total: result.Checks.Count,
        Passed: result.Checks.Count(c => !c.FailsGate),
        FailedErrors: result.Checks.Count(c => c.FailsGate && c.Severity == CheckSeverity.Error),
        FailedWarnings: result.Checks.Count(c => c.FailsGate && c.Severity == CheckSeverity.Warning),
        Checks: checks,
        Conditions: Conditions(result.Checks, checks),
        ConditionsMet: checks.Count(c => c.Met),
        Sections: ReportSections.All.Select(s => s.Build(result) is { } view ? new SectionView(s.Name, s.Partial, view) : null).OfType<SectionView>().ToArray(),
        Glossary: result.Checks.Select(c => c.Metric).Distinct(StringComparer.Ordinal)
            .Select(m => Glossary.Entries.GetValueOrDefault(m)).OfType<Glossary.Entry>()
            .Select(e => new ReportView.Term(e.Anchor, e.Metric, e.Measures, e.Unit, e.Better, e.Reference)).ToArray(),
        Provenance: Provenance(result),
        ToolVersion: result.ToolVersion,
        Css: TemplateResources.Css);
    }

    /// <summary>
    /// The checks for the conditions summary: what failed the gate at error severity, then at warning
    /// severity, then accepted regressions, then the conditions met, each group in declaration order
    /// (OrderBy is stable), so the reason a build failed is the first thing on the page.
    /// </summary>
    private static ReportView.Check[] Conditions(IReadOnlyList<CheckResult> results, ReportView.Check[] rows) =>
        results.Select((c, i) => (Rank: c.GateVerdict switch { AuditVerdict.Fail => 0, AuditVerdict.Warn => 1, _ => rows[i].Met ? 3 : 2 }, Row: rows[i]))
            .OrderBy(x => x.Rank).Select(x => x.Row).ToArray();

    private static ReportView.Check Check(CheckResult c, int index) => new(
        Verdict: Formatting.CheckVerdict(c),
        VerdictClass: Formatting.Lower(c.GateVerdict),
        Subject: Formatting.Subject(c),
        Metric: c.Metric,
        Scope: c.Scope,
        Value: IsCount(c) && double.IsInteger(c.Value) ? c.Value.ToString("0", CultureInfo.InvariantCulture) : Formatting.Number(c.Value),
        Interval: Formatting.Interval(c.Interval),
        Threshold: IsCount(c) && double.IsInteger(c.Threshold.Value)
            ? (c.Threshold.Kind == BoundKind.Min ? "min " : "max ") + c.Threshold.Value.ToString("0", CultureInfo.InvariantCulture)
            : c.Threshold.ToString(),
        Baseline: Formatting.Baseline(c.Baseline),
        Delta: Formatting.Delta(c.Baseline),
        Severity: Formatting.Lower(c.Severity),
        Code: Formatting.FindingCode(c),
        Location: Formatting.Location(c.Location),
        // By declaration order, which is stable between runs of one audit, so a link to a row keeps working.
        Anchor: "check-" + (index + 1).ToString(CultureInfo.InvariantCulture),
        Sentence: ConditionSentence.For(c),
        MetricAnchor: Glossary.Entries.GetValueOrDefault(c.Metric)?.Anchor,
        // What a reviewer need not read first: the gate passed it and nobody accepted a regression on it.
        Met: !c.FailsGate && c.Baseline?.Status != RegressionStatus.Accepted);

    /// <summary>A count (features, edges) prints as an integer, not as 9.0000; a baseline mean of counts keeps its decimals.</summary>
    private static bool IsCount(CheckResult c) => Glossary.Entries.GetValueOrDefault(c.Metric)?.Integer == true;

    private static ReportView.Fact[] Provenance(AuditResult result) =>
    [
        new("Model type", result.Model.Type),
        new("Parameters", result.Model.Parameters.ToString("N0", CultureInfo.InvariantCulture)),
        new("Weights", result.Model.WeightsPath),
        new("Weights SHA-256", result.Model.WeightsSha256),
        new("Evaluation data", ProvenanceText.DataSet(result.Dataset)),
        new("Evaluation samples", result.Dataset.SampleCount.ToString(CultureInfo.InvariantCulture)),
        new("Evaluation data SHA-256", result.Dataset.Sha256),
        new("Classes", string.Join(", ", result.ClassNames)),
        new("Baseline file", result.BaselineFile?.Path ?? "(none compared: first run, accepted or skipped)"),
        new("Baseline SHA-256", result.BaselineFile?.Sha256 ?? "—"),
        new("Configuration SHA-256", result.ConfigurationSha256 ?? "—"),
        new("Device", result.Device),
        new("Seed", result.Seed.ToString(CultureInfo.InvariantCulture)),
        new("Tool version", result.ToolVersion),
        new("TorchSharp", result.Runtime?.TorchSharp ?? RuntimeVersions.Unknown),
        new("libtorch", result.Runtime?.Libtorch ?? RuntimeVersions.Unknown),
        new(".NET", result.Runtime?.Dotnet ?? RuntimeVersions.Unknown),
        new("Operating system", result.Runtime?.Os ?? RuntimeVersions.Unknown),
        new("Source commit", result.SourceRevision ?? "(not in a git repository)"),
        new("Working tree", ProvenanceText.WorkingTree(result.SourceDirty, result.SourceRevision)),
        new("Paths relative to", ProvenanceText.PathBase(result.PathsRelativeTo)),
        new("Started", result.StartedAt.ToString("O", CultureInfo.InvariantCulture)),
        new("Timings", string.Join(", ", result.TimingsSeconds.Select(t => $"{t.Key} {t.Value:F2} s"))),
    ];
}
