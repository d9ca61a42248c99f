namespace InterpAudit.Ablation;

/// <summary>One ablation kind's figures for every cluster of a layer (spec modularity.md §5).</summary>
/// <param name="Delta">Δ_{c,y}: accuracy on class y with cluster c ablated minus the clean accuracy; clusters by classes.</param>
/// <param name="Specialization">S_c per cluster (<see cref="Ablation.Specialization.Of"/>); NaN for a cluster without output units.</param>
/// <param name="RandomSpecialization">Per cluster, S of each random same-size unit set, in draw order.</param>
/// <param name="Percentile">Per cluster, p = (r + 1)/(n + 1) against its random sets: small means unusually specialised.</param>
/// <param name="Owners">Per class, the cluster whose ablation lowers it most, or −1 (<see cref="ClassOwnership"/>); empty in a shard's part of the clusters, since it is derived over all of them.</param>
/// <param name="CollateralDrops">Per cluster, its largest accuracy drop on a class it does not own; empty in a shard's part, as <paramref name="Owners"/>.</param>
public sealed record AblationKindResult(
    AblationKind Kind,
    IReadOnlyList<IReadOnlyList<double>> Delta,
    IReadOnlyList<double> Specialization,
    IReadOnlyList<IReadOnlyList<double>> RandomSpecialization,
    IReadOnlyList<double> Percentile,
    IReadOnlyList<int> Owners,
    IReadOnlyList<double> CollateralDrops)
{
    /// <summary>The figures over every cluster: the per-cluster ones as given, class owners and collateral drops derived from all of Δ.</summary>
    public static AblationKindResult OverAllClusters(AblationKind kind, IReadOnlyList<IReadOnlyList<double>> delta, IReadOnlyList<double> specialization,
        IReadOnlyList<IReadOnlyList<double>> randomSpecialization, IReadOnlyList<double> percentile)
    {
        int[] owners = ClassOwnership.Owners(delta);
        return new AblationKindResult(kind, delta, specialization, randomSpecialization, percentile, owners, ClassOwnership.CollateralDrops(delta, owners));
    }

    /// <summary>A shard's part of the clusters: the per-cluster figures of those clusters only, nothing derived over clusters.</summary>
    public static AblationKindResult OverPart(AblationKind kind, IReadOnlyList<IReadOnlyList<double>> delta, IReadOnlyList<double> specialization,
        IReadOnlyList<IReadOnlyList<double>> randomSpecialization, IReadOnlyList<double> percentile) =>
        new(kind, delta, specialization, randomSpecialization, percentile, [], []);

    /// <summary>S̄: the mean of S_c over clusters that have output units; what MinSpecialization bounds.</summary>
    public double MeanSpecialization =>
        Specialization.Where(s => !double.IsNaN(s)).DefaultIfEmpty(double.NaN).Average();

    /// <summary>The mean over clusters of the random sets' mean S: S̄'s chance level for this layer.</summary>
    public double RandomMeanSpecialization =>
        RandomSpecialization.Where(r => r.Count > 0 && !r.Any(double.IsNaN)).Select(r => r.Average()).DefaultIfEmpty(double.NaN).Average();

    /// <summary>The largest collateral drop over clusters; what MaxCollateralDrop bounds.</summary>
    public double MaxCollateralDrop => CollateralDrops.DefaultIfEmpty(0).Max();
}
