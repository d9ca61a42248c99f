using System.Globalization;
using InterpAudit.Diagnostics;

namespace InterpAudit.Sharding;

/// <summary>
/// Which part of an audit a CI job runs: shard <see cref="Index"/> of <see cref="Count"/>, 1-based as
/// CI systems number their parallel jobs (GitHub's matrix, Azure's <c>System.JobPositionInPhase</c>,
/// GitLab's <c>CI_NODE_INDEX</c>).
/// </summary>
public sealed record ShardSpec(int Index, int Count)
{
    /// <summary>The <c>i/n</c> of <c>--shard</c> and <c>InterpAuditShard</c>; anything else is IA3040.</summary>
    public static ShardSpec Parse(string text)
    {
        string[] parts = text.Trim().Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int index)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int count))
            throw Invalid(text, "two whole numbers separated by '/'");
        if (count < 1) throw Invalid(text, $"a shard count of at least 1, not {count}");
        if (index < 1 || index > count) throw Invalid(text, $"an index from 1 to {count}, not {index}");
        return new ShardSpec(index, count);
    }

    public override string ToString() => $"{Index}/{Count}";

    private static AuditInputException Invalid(string text, string found) =>
        new(DiagnosticCodes.InvalidShard,
            $"Shard \"{text}\" is not usable: expected i/n with 1 ≤ i ≤ n (e.g. 2/4, the second of four parallel jobs), found {found}.");
}
