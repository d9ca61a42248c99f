using System.Text.Json;
using System.Text.Json.Nodes;
using InterpAudit.Results;

namespace InterpAudit.Reporting;

/// <summary>
/// results.sarif: SARIF 2.1.0 for code-scanning dashboards. Only failed checks are results, located at
/// the declaring attribute, with a partial fingerprint that survives value changes and moved lines.
/// Files inside the audited project's git working tree are relative URIs against the base id SRCROOT
/// (SARIF §3.4.4), which GitHub code scanning resolves against its checkout; others stay absolute.
/// </summary>
/// <remarks>
/// SARIF requires an absolute helpUri (§3.49.12): a rule links to its section of docs/diagnostics.md
/// only when the tool was built with an https repository URL (<see cref="HelpLinks"/>); otherwise it
/// carries the pointer as help text instead of a relative link services would resolve wrongly.
/// </remarks>
public sealed class SarifWriter(HelpLinks? help = null) : IReportWriter
{
    private readonly HelpLinks _help = help ?? HelpLinks.FromBuild;

    public string FileName => "results.sarif";

    public void Write(AuditResult result, Stream destination)
    {
        List<CheckResult> failed = result.Checks.Where(c => c.FailsGate).ToList();
        var rules = new JsonArray(failed.Select(RuleOf).Distinct().Order().Select(code => new JsonObject
        {
            ["id"] = code,
            ["name"] = RuleNames.Of(code),
            ["shortDescription"] = new JsonObject { ["text"] = RuleNames.Sentence(code) },
            ["help"] = new JsonObject { ["text"] = $"{code}: see docs/diagnostics.md, section {code}, in the InterpAudit repository." },
        }).Select(rule =>
        {
            if (_help.For((string)rule["id"]!) is { } uri) rule["helpUri"] = uri.AbsoluteUri;
            return (JsonNode)rule;
        }).ToArray());
        var results = new JsonArray(failed.Select(c => (JsonNode)Result(result.Audit, c, result.SourceRoot)).ToArray());
        var log = new JsonObject
        {
            ["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json",
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(new JsonObject
            {
                ["tool"] = new JsonObject
                {
                    ["driver"] = new JsonObject
                    {
                        ["name"] = "InterpAudit",
                        ["version"] = result.ToolVersion,
                        ["rules"] = rules,
                    },
                },
                ["automationDetails"] = new JsonObject { ["id"] = $"interpaudit/{result.Audit}/" },
                ["results"] = results,
            }),
        };
        if (result.SourceRoot is { } root)
            log["runs"]![0]!["originalUriBaseIds"] = new JsonObject
            {
                [SourceRootId] = new JsonObject { ["uri"] = new Uri(Path.TrimEndingDirectorySeparator(root) + "/").AbsoluteUri },
            };
        using var writer = new Utf8JsonWriter(destination, new JsonWriterOptions { Indented = true });
        log.WriteTo(writer);
    }

    private static string RuleOf(CheckResult check) => Formatting.FindingCode(check);

    public const string SourceRootId = "SRCROOT";

    private static JsonObject Result(string audit, CheckResult check, string? sourceRoot)
    {
        var result = new JsonObject
        {
            ["ruleId"] = RuleOf(check),
            ["level"] = check.Severity == CheckSeverity.Error ? "error" : "warning",
            ["message"] = new JsonObject { ["text"] = $"[{audit}] {Formatting.GateMessage(check)}" },
            ["partialFingerprints"] = new JsonObject { ["interpauditCheck/v1"] = CheckFingerprint.Of(audit, check) },
            ["properties"] = new JsonObject
            {
                ["metric"] = check.Metric,
                ["scope"] = check.Scope,
                ["value"] = double.IsNaN(check.Value) ? null : check.Value,
                ["threshold"] = check.Threshold.ToString(),
            },
        };
        if (check.Location is { } location)
            result["locations"] = new JsonArray(new JsonObject
            {
                ["physicalLocation"] = new JsonObject
                {
                    ["artifactLocation"] = ArtifactLocation(location.File, sourceRoot),
                    ["region"] = new JsonObject { ["startLine"] = location.Line, ["startColumn"] = location.Column },
                },
            });
        return result;
    }

    private static JsonObject ArtifactLocation(string file, string? sourceRoot)
    {
        if (sourceRoot is not null)
        {
            string relative = Path.GetRelativePath(sourceRoot, file);
            if (!Path.IsPathRooted(relative) && relative != ".." && !relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                return new JsonObject
                {
                    // Each segment percent-encoded (spaces, '#'), the separators kept as '/'.
                    ["uri"] = string.Join('/', relative.Split(Path.DirectorySeparatorChar).Select(Uri.EscapeDataString)),
                    ["uriBaseId"] = SourceRootId,
                };
        }
        return new JsonObject { ["uri"] = new Uri(file).AbsoluteUri };
    }
}
