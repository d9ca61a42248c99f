namespace InterpAudit.Sharding;

/// <summary>
/// A measurement result whose <see cref="Checks.PlannedParts"/> a sharded audit may take in different
/// jobs: each job's result holds some indices of the axis (for <c>"class"</c>, classes), exactly as the
/// whole result holds them, and <c>interpaudit merge</c> puts the parts back together. Whatever is
/// derived over the indices (a mean over classes) is computed from the assembled result, never
/// combined from the parts' own summaries.
/// </summary>
public interface IAssembledFromParts
{
    /// <summary>The indices of the axis this result holds, ascending (for classes: positions in <paramref name="classNames"/>).</summary>
    IReadOnlyList<int> PartIndices(IReadOnlyList<string> classNames);

    /// <summary>
    /// The whole result from <paramref name="parts"/> (this one among them), which hold every index of
    /// the axis once between them. Throws <see cref="InvalidDataException"/>, saying what differs, when
    /// they do not: parts of different measurements, or an index missing or twice.
    /// </summary>
    object Assemble(IReadOnlyList<IAssembledFromParts> parts, IReadOnlyList<string> classNames);
}
