namespace InterpAudit.Capture;

/// <summary>What data an audit saw: the sample count and the SHA-256 of inputs and labels in order.</summary>
public sealed record DatasetIdentity(long SampleCount, string Sha256, IReadOnlyList<long> ClassCounts)
{
    /// <summary>
    /// The data set's name, as <see cref="InterpretabilityAuditAttribute.Dataset"/> declares it; by default
    /// <c>&lt;audit class&gt;.EvaluationBatches</c>, the method the data came from. Empty in files before schema 4.
    /// </summary>
    public string Name { get; init; } = "";

    /// <summary>Which split of it (<see cref="InterpretabilityAuditAttribute.Split"/>; by default <c>evaluation</c>).</summary>
    public string Split { get; init; } = "";
}
