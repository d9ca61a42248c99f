using System.Text.Json;
using InterpAudit.Baselines;
using InterpAudit.Diagnostics;
using InterpAudit.Reporting;
using InterpAudit.Results;
using InterpAudit.Runner.Baselines;
using InterpAudit.Runner.Output;

namespace InterpAudit.Runner;

/// <summary>
/// <c>interpaudit baseline accept --metrics metrics.json</c>: makes a finished audit's metrics the
/// committed baseline without re-running it (e.g. from a CI artefact), and clears its suppressions.
/// </summary>
internal static class BaselineCommand
{
    public static int Accept(string metricsPath, string? baselineDirectory, TextWriter output)
    {
        var diagnostics = new BuildDiagnostics(output);
        try
        {
            AuditResult result = ReadMetrics(metricsPath);
            var store = new BaselineStore(baselineDirectory ?? Directory.GetCurrentDirectory());
            store.Save(AuditBaseline.From(result));
            store.SaveSuppressions(result.Audit, []);
            diagnostics.Progress($"[{result.Audit}] baseline accepted: {store.BaselinePath(result.Audit)} (commit it)");
            return ExitCodes.Passed;
        }
        catch (AuditInputException e)
        {
            diagnostics.Report(DiagnosticSeverity.Error, e.Code, e.Message);
            return ExitCodes.BadInput;
        }
    }

    private static AuditResult ReadMetrics(string path)
    {
        if (!File.Exists(path))
            throw new AuditInputException(DiagnosticCodes.InvalidArguments, $"'{path}' does not exist: expected an audit's metrics.json.", path);
        try
        {
            using FileStream stream = File.OpenRead(path);
            AuditResult? result = JsonSerializer.Deserialize<AuditResult>(stream, MetricsJson.Options);
            if (result?.Checks is null || result.Schema != AuditResult.CurrentSchema)
                throw new AuditInputException(DiagnosticCodes.BaselineFileInvalid,
                    $"'{path}' is not a metrics.json of schema {AuditResult.CurrentSchema}: expected the file an audit wrote.", path);
            return result;
        }
        catch (JsonException e)
        {
            throw new AuditInputException(DiagnosticCodes.BaselineFileInvalid, $"'{path}' is not valid JSON ({e.Message}): expected an audit's metrics.json.", path, e);
        }
    }
}
