using System.Text.Json;
using InterpAudit.Baselines;
using InterpAudit.Diagnostics;
using InterpAudit.Reporting;

namespace InterpAudit.Runner.Baselines;

/// <summary>
/// The committed files beside the project: <c>&lt;audit&gt;.audit-baseline.json</c> and, optionally,
/// <c>&lt;audit&gt;.audit-suppressions.json</c>. Invalid files are bad input (IA3021/IA3022), never
/// silently ignored: a gate that cannot read its baseline must not pass.
/// </summary>
internal sealed class BaselineStore(string directory)
{
    public string BaselinePath(string audit) => Path.Combine(directory, audit + ".audit-baseline.json");

    public string SuppressionsPath(string audit) => Path.Combine(directory, audit + ".audit-suppressions.json");

    /// <summary>The committed baseline's SHA-256 (of its bytes), or null when there is none.</summary>
    public string? Sha256(string audit)
    {
        string path = BaselinePath(audit);
        if (!File.Exists(path)) return null;
        using FileStream stream = File.OpenRead(path);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream));
    }

    public AuditBaseline? Load(string audit)
    {
        string path = BaselinePath(audit);
        if (!File.Exists(path)) return null;
        SchemaProbe? probe = Read<SchemaProbe>(path, "a baseline written by InterpAudit");
        if (probe?.Schema == LegacyBaseline.Schema)
            return Read<LegacyBaseline>(path, "a baseline written by InterpAudit")?.ToCurrent()
                ?? throw Invalid(path, "a baseline written by InterpAudit", "an empty file");
        AuditBaseline? baseline = probe?.Schema == AuditBaseline.CurrentSchema ? Read<AuditBaseline>(path, "a baseline written by InterpAudit") : null;
        if (baseline is null || baseline.Metrics is null || baseline.Runs is null || baseline.Metrics.Any(m => m.Values is null || m.HalfWidths is null))
            throw Invalid(path, "a baseline written by InterpAudit", $"schema {probe?.Schema.ToString() ?? "none"} (supported: {LegacyBaseline.Schema} and {AuditBaseline.CurrentSchema})");
        return baseline;
    }

    public IReadOnlyList<Suppression> LoadSuppressions(string audit)
    {
        string path = SuppressionsPath(audit);
        if (!File.Exists(path)) return [];
        List<Suppression> suppressions = Read<List<Suppression>>(path, "a JSON array of { \"metric\", \"scope\", \"reason\" }") ?? [];
        foreach (Suppression s in suppressions)
        {
            if (string.IsNullOrWhiteSpace(s.Metric) || s.Scope is null)
                throw Invalid(path, "a metric and a scope in every entry", "an entry without them");
            if (string.IsNullOrWhiteSpace(s.Reason))
                throw new AuditInputException(DiagnosticCodes.SuppressionWithoutReason,
                    $"The suppression of {s.Display} in '{path}' has no reason: expected a \"reason\" a reviewer can read (it is shown in the report).", path);
        }
        return suppressions;
    }

    public void Save(AuditBaseline baseline) =>
        Write(BaselinePath(baseline.Audit), stream => JsonSerializer.Serialize(stream, baseline, MetricsJson.Options));

    /// <summary>Keeps only the suppressions still in use; removes the file when none are.</summary>
    public void SaveSuppressions(string audit, IReadOnlyList<Suppression> kept)
    {
        string path = SuppressionsPath(audit);
        if (kept.Count == 0)
        {
            if (File.Exists(path)) File.Delete(path);
            return;
        }
        Write(path, stream => JsonSerializer.Serialize(stream, kept, MetricsJson.Options));
    }

    private static void Write(string path, Action<Stream> write)
    {
        try
        {
            AtomicOutput.WriteAll(Path.GetDirectoryName(Path.GetFullPath(path))!, [(Path.GetFileName(path), write)]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AuditInputException(DiagnosticCodes.OutputNotWritable, $"Could not write '{path}': {e.Message}", path, e);
        }
    }

    private static T? Read<T>(string path, string expected)
    {
        try
        {
            using FileStream stream = File.OpenRead(path);
            return JsonSerializer.Deserialize<T>(stream, MetricsJson.Options);
        }
        catch (JsonException e)
        {
            throw Invalid(path, expected, $"invalid JSON ({e.Message})");
        }
    }

    private sealed record SchemaProbe(int Schema);

    private static AuditInputException Invalid(string path, string expected, string found) =>
        new(DiagnosticCodes.BaselineFileInvalid,
            $"'{path}' is not usable: expected {expected}, found {found}. Fix it, or delete it and run {RegressionGate.AcceptCommand} to write a new one.", path);
}
