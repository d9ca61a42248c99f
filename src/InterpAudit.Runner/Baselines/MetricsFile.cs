using System.Text.Json;
using InterpAudit.Diagnostics;
using InterpAudit.Reporting;
using InterpAudit.Results;

namespace InterpAudit.Runner.Baselines;

/// <summary>Reads a finished audit's metrics.json back, e.g. a CI artefact to accept as (part of) a baseline.</summary>
internal static class MetricsFile
{
    /// <summary>A complete audit's metrics.json: a shard's partial file (IA3041) would calibrate a baseline from part of the audit.</summary>
    public static AuditResult Read(string path)
    {
        AuditResult result = ReadAny(path);
        return result.Shard is null ? result
            : throw new AuditInputException(DiagnosticCodes.ShardsMismatched,
                $"[{result.Audit}] '{path}' is shard {result.Shard.Index}/{result.Shard.Count} of an audit, not a complete audit's metrics.json: expected the metrics.json that 'interpaudit merge' writes from all its shards.", path);
    }

    /// <summary>A complete audit's metrics.json or a shard's partial one.</summary>
    public static AuditResult ReadAny(string path)
    {
        if (!File.Exists(path))
            throw new AuditInputException(DiagnosticCodes.InvalidArguments, $"'{path}' does not exist: expected an audit's metrics.json.", path);
        try
        {
            using FileStream stream = File.OpenRead(path);
            AuditResult? result = JsonSerializer.Deserialize<AuditResult>(stream, MetricsJson.Options);
            if (result?.Checks is null || !AuditResult.ReadableSchemas.Contains(result.Schema))
                throw new AuditInputException(DiagnosticCodes.BaselineFileInvalid,
                    $"'{path}' is not a metrics.json of schema {string.Join(" or ", AuditResult.ReadableSchemas)}: expected the file an audit of this InterpAudit version wrote (found schema {result?.Schema.ToString() ?? "none"}).", path);
            return result;
        }
        catch (JsonException e)
        {
            throw new AuditInputException(DiagnosticCodes.BaselineFileInvalid, $"'{path}' is not valid JSON ({e.Message}): expected an audit's metrics.json.", path, e);
        }
    }
}
