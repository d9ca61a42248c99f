namespace InterpAudit.Results;

/// <summary>
/// A declaration of a split work unit: no shard holds all of its measurements, so none judges it;
/// <c>interpaudit merge</c> rebuilds its attribute from <see cref="Attribute"/> and judges the
/// assembled measurements, as the unsharded audit would (metrics.json <c>shard.deferred</c>).
/// </summary>
/// <param name="Declaration">Its position in the audit's check list (<see cref="ShardInfo.Declarations"/>).</param>
/// <param name="Attribute">The attribute in its canonical form (<see cref="Checks.CanonicalAttribute.Line"/>).</param>
public sealed record DeferredCheck(int Declaration, string Attribute)
{
    /// <summary>Where the attribute is in the source, set by the runner: where merge reports its findings.</summary>
    public SourceLocation? Location { get; init; }
}
