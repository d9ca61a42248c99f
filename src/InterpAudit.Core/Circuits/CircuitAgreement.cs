namespace InterpAudit.Circuits;

/// <summary>
/// How far the fast mode reproduces the exact one, per class: the ECS difference and the Jaccard
/// overlap |exact ∩ fast| / |exact ∪ fast| of the zeroed weights (equal sizes can hide different
/// circuits; the overlap shows it).
/// </summary>
public sealed record CircuitAgreement(
    IReadOnlyList<string> ClassNames, IReadOnlyList<double> EcsDifference, IReadOnlyList<double> Jaccard)
{
    /// <summary>Mean over classes of |ECS_exact − ECS_fast|.</summary>
    public double MeanAbsoluteDifference => EcsDifference.Count == 0 ? double.NaN : EcsDifference.Average(Math.Abs);

    public double MaxAbsoluteDifference => EcsDifference.Count == 0 ? double.NaN : EcsDifference.Max(Math.Abs);

    public double MeanJaccard => Jaccard.Count == 0 ? double.NaN : Jaccard.Average();

    /// <summary>Signed differences are fast − exact.</summary>
    public static CircuitAgreement Between(CircuitSizeResult exact, CircuitSizeResult fast)
    {
        var names = exact.Classes.Select(c => c.ClassName).ToArray();
        var difference = exact.Classes.Zip(fast.Classes, (e, f) => f.Ecs - e.Ecs).ToArray();
        var jaccard = exact.Classes.Zip(fast.Classes, (e, f) =>
            e.Pruned is null || f.Pruned is null || e.Samples == 0 ? double.NaN : e.Pruned.Jaccard(f.Pruned)).ToArray();
        return new CircuitAgreement(names, difference, jaccard);
    }
}
