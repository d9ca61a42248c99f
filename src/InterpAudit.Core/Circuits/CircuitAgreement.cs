using InterpAudit.Sharding;

namespace InterpAudit.Circuits;

/// <summary>
/// How far the fast mode reproduces the exact one, per class: the ECS difference and the Jaccard
/// overlap |exact ∩ fast| / |exact ∪ fast| of the zeroed weights (equal sizes can hide different
/// circuits; the overlap shows it).
/// </summary>
public sealed record CircuitAgreement(
    IReadOnlyList<string> ClassNames, IReadOnlyList<double> EcsDifference, IReadOnlyList<double> Jaccard) : IAssembledFromParts
{
    /// <summary>Mean over classes of |ECS_exact − ECS_fast|.</summary>
    public double MeanAbsoluteDifference => EcsDifference.Count == 0 ? double.NaN : EcsDifference.Average(Math.Abs);

    public double MaxAbsoluteDifference => EcsDifference.Count == 0 ? double.NaN : EcsDifference.Max(Math.Abs);

    public double MeanJaccard => Jaccard.Count == 0 ? double.NaN : Jaccard.Average();

    IReadOnlyList<int> IAssembledFromParts.PartIndices(IReadOnlyList<string> classNames) => PartAssembly.Indices(ClassNames, classNames);

    /// <summary>Per class, as the classes' exact and fast circuits are: the parts' rows in class order.</summary>
    object IAssembledFromParts.Assemble(IReadOnlyList<IAssembledFromParts> parts, IReadOnlyList<string> classNames)
    {
        var rows = PartAssembly.InClassOrder(parts.Cast<CircuitAgreement>()
            .Select(p => (IReadOnlyList<(string Name, double Difference, double Jaccard)>)p.ClassNames
                .Select((name, i) => (name, p.EcsDifference[i], p.Jaccard[i])).ToArray()), r => r.Name, classNames);
        return new CircuitAgreement(rows.Select(r => r.Name).ToArray(), rows.Select(r => r.Difference).ToArray(), rows.Select(r => r.Jaccard).ToArray());
    }

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
