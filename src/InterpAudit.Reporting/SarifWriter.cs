using System.Text.Json;
using System.Text.Json.Nodes;
using InterpAudit.Results;

namespace InterpAudit.Reporting;

/// <summary>
/// results.sarif: SARIF 2.1.0 for code-scanning dashboards. Only failed checks are results, located at
/// the declaring attribute, with a partial fingerprint that survives value changes and moved lines.
/// Files are relative URIs against the base id SRCROOT (SARIF §3.4.4), which GitHub code scanning
/// resolves against its checkout: the git working tree's root, or the project directory outside a
/// repository (<see cref="AuditResult.PathsRelativeTo"/>). SRCROOT itself has no <c>uri</c>, only a
/// description (§3.14.14 lets the consumer supply it): the build machine's absolute path would resolve
/// nowhere else and does not belong in a file that leaves the machine. A result message is the check's
/// condition sentence (<see cref="ConditionSentence"/>), as in the report, summary.md and the build log.
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
        var results = new JsonArray(failed.Select(c => (JsonNode)Result(result.Audit, c, result.PathsRelativeTo)).ToArray());
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
        if (result.PathsRelativeTo is { } pathBase)
            log["runs"]![0]!["originalUriBaseIds"] = new JsonObject
            {
                [SourceRootId] = new JsonObject
                {
                    ["description"] = new JsonObject
                    {
                        ["text"] = pathBase == PathBase.Repository
                            ? "The root of the git working tree that holds the audited project."
                            : "The audited project's directory (it is not in a git repository).",
                    },
                },
            };
        using var writer = new Utf8JsonWriter(destination, new JsonWriterOptions { Indented = true });
        log.WriteTo(writer);
    }

    private static string RuleOf(CheckResult check) => Formatting.FindingCode(check);

    public const string SourceRootId = "SRCROOT";

    private static JsonObject Result(string audit, CheckResult check, PathBase? pathBase)
    {
        var result = new JsonObject
        {
            ["ruleId"] = RuleOf(check),
            ["level"] = check.Severity == CheckSeverity.Error ? "error" : "warning",
            ["message"] = new JsonObject { ["text"] = $"[{audit}] {ConditionSentence.For(check)}" },
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
                    ["artifactLocation"] = ArtifactLocation(location.File, pathBase),
                    ["region"] = new JsonObject { ["startLine"] = location.Line, ["startColumn"] = location.Column },
                },
            });
        return result;
    }

    /// <summary>
    /// A path relative to SRCROOT (<see cref="OutputPaths"/>), each segment percent-encoded (spaces, '#')
    /// with '/' kept; an absolute one, from a result that did not pass through OutputPaths, as a file URI.
    /// </summary>
    private static JsonObject ArtifactLocation(string file, PathBase? pathBase)
    {
        if (Path.IsPathRooted(file)) return new JsonObject { ["uri"] = new Uri(file).AbsoluteUri };
        string uri = string.Join('/', file.Split('/').Select(Uri.EscapeDataString));
        return pathBase is null ? new JsonObject { ["uri"] = uri } : new JsonObject { ["uri"] = uri, ["uriBaseId"] = SourceRootId };
    }
}
