namespace InterpAudit.Checks;

/// <summary>
/// How a measurement's work splits into independent parts that a sharded audit may run in different
/// jobs: along <see cref="Axis"/> (<see cref="Classes"/>: the audit's classes, in <c>ClassNames</c>
/// order; <see cref="Clusters"/>: an ablated layer's clusters), one estimated cost per index. A
/// measurement declares parts only when its result over a set of indices is exactly what the whole
/// measurement holds for them, so that merged parts are the unsharded result bit for bit
/// (<see cref="Sharding.IAssembledFromParts"/>).
/// </summary>
/// <param name="Costs">Per index of the axis, its share of <see cref="PlannedMeasurement.Cost"/>, in the same units.</param>
/// <param name="PerPart">
/// What every part repeats, whatever its indices (cluster ablation's pass for the unit means and its
/// clean counts), in the same units; the rest of <see cref="PlannedMeasurement.Cost"/> is <see cref="Costs"/>.
/// </param>
public sealed record PlannedParts(string Axis, IReadOnlyList<double> Costs, double PerPart = 0)
{
    /// <summary>The axis of a measurement whose classes are measured independently of each other (ECS).</summary>
    public const string Classes = "class";

    /// <summary>The axis of a measurement whose clusters are measured independently of each other (cluster ablation).</summary>
    public const string Clusters = "cluster";

    /// <summary>Equal shares of <paramref name="cost"/> over <paramref name="classes"/> classes.</summary>
    public static PlannedParts ByClass(int classes, double cost) =>
        new(Classes, Enumerable.Repeat(cost / classes, classes).ToArray());
}
