namespace InterpAudit;

/// <summary>
/// Whether two layers carry the same or complementary information about the class label. The
/// co-information <c>I(A;Y) + I(B;Y) − I(A,B;Y)</c>, in bits, is positive when the layers are net
/// redundant (both say the same thing) and negative when they are net synergistic (together they say
/// more than the sum of what each says). Each layer is rank-normalised and reduced to at most
/// <see cref="Components"/> principal components first, as in <see cref="InformationCheckAttribute"/>.
/// </summary>
/// <example><c>[RedundancyCheck("fc1", "fc2", MaxCoInformation = 0.5)]</c>, <c>[RedundancyCheck("fc1", "fc2", MinCoInformation = 0)]</c></example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
[CheckFamily("redundancy")]
public sealed class RedundancyCheckAttribute : AuditCheckAttribute
{
    /// <summary>Declares a redundancy check between two layers.</summary>
    /// <param name="layerA">The first layer's name, e.g. <c>fc1</c>.</param>
    /// <param name="layerB">The second layer's name, e.g. <c>fc2</c>.</param>
    public RedundancyCheckAttribute(string layerA, string layerB)
    {
        LayerA = layerA;
        LayerB = layerB;
    }

    /// <summary>The first layer.</summary>
    public string LayerA { get; }

    /// <summary>The second layer.</summary>
    public string LayerB { get; }

    /// <summary>Highest accepted co-information in bits (a bound on redundancy).</summary>
    [Bound("coInformation", BoundKind.Max, "IA1403", Tolerance = 0.05)]
    public double MaxCoInformation { get; set; } = double.NaN;

    /// <summary>Lowest accepted co-information in bits (a negative bound limits synergy).</summary>
    [Bound("coInformation", BoundKind.Min, "IA1404", Tolerance = 0.05)]
    public double MinCoInformation { get; set; } = double.NaN;

    /// <summary>
    /// Most principal components each layer is reduced to (default 16). Fewer are used when the
    /// smallest class is too small: the two layers together want fewer components than a tenth of its samples.
    /// </summary>
    [ValidRange(1)]
    public int Components { get; set; } = InformationCheckAttribute.DefaultComponents;
}
