using InterpAudit.Capture;

namespace InterpAudit.Results;

/// <summary>
/// Everything one audit found. metrics.json is this object; every other output is rendered from it.
/// Bump <see cref="CurrentSchema"/> on any change a reader of metrics.json would notice.
/// </summary>
public sealed record AuditResult(
    int Schema,
    string Audit,
    string TargetType,
    ModelIdentity Model,
    DatasetIdentity Dataset,
    IReadOnlyList<string> ClassNames,
    string Device,
    int Seed,
    string ToolVersion,
    DateTimeOffset StartedAt,
    IReadOnlyDictionary<string, double> TimingsSeconds,
    IReadOnlyList<CheckResult> Checks,
    IReadOnlyDictionary<string, object> Measurements)
{
    /// <summary>3: measurements carry typed identities (<see cref="MeasurementIds"/>) and one key form, <c>family[:variant][:layers][:option=value]…</c>.</summary>
    public const int CurrentSchema = 3;

    /// <summary>The identity of every entry of <see cref="Measurements"/>, whose keys are their <see cref="MeasurementId.Key"/>.</summary>
    public IReadOnlyList<MeasurementId> MeasurementIds { get; init; } = [];

    /// <summary>The CPU threads libtorch ran the audit with.</summary>
    public int Threads { get; init; }

    /// <summary>The audit's declared family-wise false-alarm rate, at which the baseline comparison is made.</summary>
    public double FalseAlarmRate { get; init; } = 0.05;

    /// <summary>The source commit the audited project was built from, when it is in a git repository.</summary>
    public string? SourceRevision { get; init; }

    /// <summary>
    /// The working tree of that repository: SARIF locates files relative to it, as code-scanning
    /// services expect (they resolve against their own checkout, whose absolute path differs).
    /// </summary>
    public string? SourceRoot { get; init; }

    /// <summary>
    /// Set when this is one shard of an audit (<c>interpaudit audit --shard i/n</c>): a partial result for
    /// <c>interpaudit merge</c>, whose checks are only the shard's. Not written when null, so an unsharded
    /// audit's metrics.json is as before.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public ShardInfo? Shard { get; init; }

    /// <summary>Fail when an error-severity check failed its threshold or regressed; Warn for warnings.</summary>
    public AuditVerdict Verdict =>
        Checks.Any(c => c.FailsGate && c.Severity == CheckSeverity.Error) ? AuditVerdict.Fail
        : Checks.Any(c => c.FailsGate) ? AuditVerdict.Warn
        : AuditVerdict.Pass;
}
