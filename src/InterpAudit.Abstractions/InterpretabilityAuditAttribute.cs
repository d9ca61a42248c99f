namespace InterpAudit;

/// <summary>
/// Marks an <see cref="IAuditTarget"/> class as an audit. After the project builds, InterpAudit runs
/// every check attribute on the class and fails the build on a violated check.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class InterpretabilityAuditAttribute : Attribute
{
    /// <summary>Declares an audit.</summary>
    /// <param name="name">The audit's name: letters, digits, '-', '_' and '.'; it names the output folder.</param>
    public InterpretabilityAuditAttribute(string name) => Name = name;

    /// <summary>The audit's name; outputs go to <c>$(OutDir)interpaudit/&lt;name&gt;/</c>.</summary>
    public string Name { get; }

    /// <summary>Seed for every random choice the measurements make (default 0).</summary>
    public int Seed { get; set; }

    /// <summary>Evaluation batch size (default 256).</summary>
    [ValidRange(1)]
    public int BatchSize { get; set; } = 256;

    /// <summary>
    /// The chance that a fair retrain — same code and data, another seed or machine — fails this audit
    /// on its baseline (default 0.05). The regression gate controls it over all the audit's baselined
    /// metrics together (Holm's step-down procedure), not per metric; it must lie in (0, 0.5].
    /// </summary>
    [ValidRange(0, 0.5, LowerExclusive = true, Reason = "the chance that a fair retrain fails the audit")]
    public double FalseAlarmRate { get; set; } = 0.05;

    /// <summary>
    /// The evaluation data's name, recorded with its SHA-256 so that a reviewer can tell which data set
    /// the fingerprint belongs to (e.g. <c>"MNIST"</c>). Default: <c>&lt;audit class&gt;.EvaluationBatches</c>,
    /// the method the data came from.
    /// </summary>
    public string? Dataset { get; set; }

    /// <summary>Which split of <see cref="Dataset"/> the evaluation batches are (e.g. <c>"test"</c>; default <c>"evaluation"</c>).</summary>
    public string? Split { get; set; }
}
