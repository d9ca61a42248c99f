using System.Text;
using InterpAudit.Results;

namespace InterpAudit.Reporting;

/// <summary>
/// summary.md: a short summary for CI job pages (e.g. appended to GITHUB_STEP_SUMMARY): verdict, one
/// sentence per check that failed the gate (<see cref="ConditionSentence"/>, as the report and the build
/// log say it), then every check, the failed ones first. User strings are escaped for Markdown tables and for
/// the HTML that Markdown renderers let through.
/// </summary>
public sealed class MarkdownSummaryWriter : IReportWriter
{
    public string FileName => "summary.md";

    public void Write(AuditResult result, Stream destination)
    {
        var text = new StringBuilder();
        string icon = result.Verdict switch { AuditVerdict.Pass => "✅", AuditVerdict.Warn => "⚠️", _ => "❌" };
        text.AppendLine($"## {icon} InterpAudit `{Escape(result.Audit)}`: {Formatting.Verdict(result.Verdict)}");
        text.AppendLine();
        text.AppendLine($"{result.Checks.Count(c => !c.FailsGate)} of {result.Checks.Count} checks passed · " +
                        $"model `{Escape(result.Model.Type)}` (weights `{result.Model.WeightsSha256[..12]}`) · " +
                        $"{result.Dataset.SampleCount} samples · {Escape(result.Device)} · seed {result.Seed} · InterpAudit {Escape(result.ToolVersion)}");
        if (BaselineSummary.Of(result) is { } baseline)
            text.AppendLine().AppendLine($"Baseline from {baseline.Runs} calibration run(s); regressions judged at a family-wise false-alarm rate of " +
                $"{baseline.FalseAlarmRate} (Holm over {baseline.Metrics} metrics).");
        List<CheckResult> failing = result.Checks.Where(c => c.FailsGate).OrderBy(c => c.Severity == CheckSeverity.Error ? 0 : 1).ToList();
        if (failing.Count > 0)
        {
            text.AppendLine();
            foreach (CheckResult check in failing)
                text.AppendLine($"- {Mark(check)} {Escape(ConditionSentence.For(check))}");
        }
        text.AppendLine();
        text.AppendLine("| | Check | Value | 95% interval | Threshold | Baseline | Δ | Code | Declared at |");
        text.AppendLine("|---|---|---:|---:|---|---:|---:|---|---|");
        foreach (CheckResult check in result.Checks.OrderBy(c => c.FailsGate ? 0 : 1))
        {
            string name = Formatting.Subject(check);
            text.AppendLine($"| {Mark(check)} | {Escape(name)} | {Formatting.Number(check.Value)} | {Formatting.Interval(check.Interval)} | {Escape(check.Threshold.ToString())} | {Formatting.Baseline(check.Baseline)} | {Formatting.Delta(check.Baseline)} | {Formatting.FindingCode(check)} | {Escape(Formatting.Location(check.Location))} |");
        }
        foreach (CheckResult accepted in result.Checks.Where(c => c.Baseline?.Status == RegressionStatus.Accepted))
            text.AppendLine().Append($"Accepted regression: {Escape(Formatting.Subject(accepted))} — {Escape(accepted.Baseline!.AcceptedReason ?? "")}").AppendLine();
        byte[] bytes = new UTF8Encoding(false).GetBytes(text.ToString());
        destination.Write(bytes);
    }

    private static string Mark(CheckResult check) => !check.FailsGate ? "✅" : check.Severity == CheckSeverity.Error ? "❌" : "⚠️";

    /// <summary>Keeps a user string inside its table cell and out of the renderer's HTML.</summary>
    internal static string Escape(string value)
    {
        var escaped = new StringBuilder(value.Length);
        foreach (char c in value)
        {
            escaped.Append(c switch
            {
                '|' => "\\|",
                '<' => "&lt;",
                '>' => "&gt;",
                '&' => "&amp;",
                '`' => "\\`",
                '*' => "\\*",
                '_' => "\\_",
                '[' => "\\[",
                ']' => "\\]",
                '\r' or '\n' => " ",
                _ => c.ToString(),
            });
        }
        return escaped.ToString();
    }
}
