using InterpAudit.Results;

namespace InterpAudit.Runner.Sharding;

/// <summary>A shard's metrics.shard-i-of-n.json as read back: where it came from, and its partial result.</summary>
internal sealed record ShardFile(string Path, AuditResult Result)
{
    public ShardInfo Shard => Result.Shard!;

    /// <summary><c>'path' (shard i/n)</c>, how messages name a file.</summary>
    public override string ToString() => $"'{Path}' (shard {Shard.Index}/{Shard.Count})";
}
