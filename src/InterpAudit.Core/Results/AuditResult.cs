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
    /// <summary>
    /// 4: provenance to reproduce a run (<see cref="BaselineFile"/>, the data set's name and split,
    /// <see cref="Runtime"/>, <see cref="SourceDirty"/>, <see cref="ConfigurationSha256"/>), and every path
    /// relative to <see cref="PathsRelativeTo"/> instead of the machine's absolute paths (<c>sourceRoot</c> is gone).
    /// 3: measurements carry typed identities (<see cref="MeasurementIds"/>) and one key form, <c>family[:variant][:layers][:option=value]…</c>.
    /// </summary>
    public const int CurrentSchema = 4;

    /// <summary>The schemas whose files this version still reads (calibration runs): 4 only adds fields to 3.</summary>
    public static IReadOnlyList<int> ReadableSchemas { get; } = [3, CurrentSchema];

    /// <summary>The identity of every entry of <see cref="Measurements"/>, whose keys are their <see cref="MeasurementId.Key"/>.</summary>
    public IReadOnlyList<MeasurementId> MeasurementIds { get; init; } = [];

    /// <summary>The CPU threads libtorch ran the audit with.</summary>
    public int Threads { get; init; }

    /// <summary>The audit's declared family-wise false-alarm rate, at which the baseline comparison is made.</summary>
    public double FalseAlarmRate { get; init; } = 0.05;

    /// <summary>The source commit the audited project was built from, when it is in a git repository.</summary>
    public string? SourceRevision { get; init; }

    /// <summary>
    /// True when the working tree differed from <see cref="SourceRevision"/> (tracked changes or untracked
    /// files git does not ignore), so the commit alone does not reproduce the run; null when unknown
    /// (not in a git repository, or git could not be run).
    /// </summary>
    public bool? SourceDirty { get; init; }

    /// <summary>
    /// The folder the run's paths are resolved against on this machine: the git working tree's root,
    /// else the project directory. Never written: the outputs carry paths relative to it
    /// (<see cref="PathsRelativeTo"/>), which SARIF's SRCROOT and a reviewer's checkout resolve alike.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? SourceRoot { get; init; }

    /// <summary>What the written paths (weights, declarations, baseline) are relative to; null while they are still absolute.</summary>
    public PathBase? PathsRelativeTo { get; init; }

    /// <summary>The committed baseline the run was compared with; null when none was (first run, accept, skip).</summary>
    public BaselineFile? BaselineFile { get; init; }

    /// <summary>The versions of what the audit ran on; null in files before schema 4.</summary>
    public RuntimeVersions? Runtime { get; init; }

    /// <summary>
    /// SHA-256 of the canonical form of the audit's declarations (<see cref="InterpAudit.Checks.AuditConfiguration"/>):
    /// equal for two runs exactly when they declared the same checks with the same settings.
    /// </summary>
    public string? ConfigurationSha256 { get; init; }

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
