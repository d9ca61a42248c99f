using InterpAudit.Results;

namespace InterpAudit.Baselines;

/// <summary>
/// The committed <c>&lt;audit&gt;.audit-baseline.json</c>: the calibration runs it was accepted from
/// (one or more models trained with different seeds or on different machines, audited on the same
/// data) and, per metric, every run's value with their mean and spread. The gate judges a new run as
/// one more draw from that distribution (<see cref="RegressionGate"/>).
/// </summary>
public sealed record AuditBaseline(
    int Schema,
    string Audit,
    string ToolVersion,
    string ModelType,
    long SampleCount,
    string DatasetSha256,
    IReadOnlyList<CalibrationRun> Runs,
    IReadOnlyList<BaselineMetric> Metrics)
{
    /// <summary>2: calibration runs; 1 (one value per metric) is still read, as a single-run baseline.</summary>
    public const int CurrentSchema = 2;

    /// <summary>A baseline from one run: the gate then relies on each family's default tolerance and the run's intervals.</summary>
    public static AuditBaseline From(AuditResult result) => BaselineCalibration.Accept([result]);
}
