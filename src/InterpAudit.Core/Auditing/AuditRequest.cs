namespace InterpAudit.Auditing;

/// <summary>One audit to run: the target instance, its declaration, its checks, and where to run it.</summary>
/// <param name="DeviceChoice">auto | cpu | cuda | cuda:N.</param>
/// <param name="Weights">Reads <see cref="IAuditTarget.WeightsPath"/> into the created model.</param>
public sealed record AuditRequest(
    IAuditTarget Target,
    IWeightsLoader Weights,
    InterpretabilityAuditAttribute Audit,
    IReadOnlyList<DeclaredCheck> Checks,
    string DeviceChoice,
    string ToolVersion)
{
    /// <summary>
    /// CPU threads for libtorch; 0 leaves libtorch's own choice. Chosen on purpose because libtorch's
    /// OpenMP workers spin: on a loaded machine two threads ran the audit's kernels 6–20× slower
    /// than one (issue #18), and the build machine may be running other builds.
    /// </summary>
    public int Threads { get; init; }

    /// <summary>Run only this shard's work units (<see cref="Sharding.ShardPlan"/>); null runs the whole audit.</summary>
    public Sharding.ShardSpec? Shard { get; init; }

    /// <summary>Each shard's estimated cost from the run's earlier audits, so that a project's audits are balanced together (<see cref="Sharding.ShardPlan.Build"/>); null: none.</summary>
    public IReadOnlyList<double>? ShardLoads { get; init; }
}
