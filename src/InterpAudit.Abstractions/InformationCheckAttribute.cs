namespace InterpAudit;

/// <summary>
/// How much one layer's activations tell about the class label, measured as Gaussian-copula mutual
/// information in bits (Ince et al. 2017). <see cref="MinLabelBits"/> bounds the information in the
/// layer as a whole: each unit is rank-normalised, the layer is reduced to <see cref="Components"/>
/// principal components, and their mutual information with the label is estimated from a Gaussian
/// mixture (one Gaussian per class), which never exceeds the label's entropy H(Y). <see cref="MinSignificantUnitFraction"/> bounds the fraction of the layer's units that
/// carry significant information on their own (a max-statistic permutation test at α = 0.05 over
/// <see cref="Permutations"/> label permutations; constant units count as not significant).
/// Convolutional layers are read per channel, averaged over space.
/// </summary>
/// <example><c>[InformationCheck("fc2", MinLabelBits = 2.5)]</c>, <c>[InformationCheck("fc1", MinSignificantUnitFraction = 0.5)]</c></example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
[CheckFamily("information")]
public sealed class InformationCheckAttribute : AuditCheckAttribute
{
    /// <summary>The default number of principal components (spec mi.md), shared by <see cref="RedundancyCheckAttribute"/>.</summary>
    public const int DefaultComponents = 16;

    /// <summary>The default number of label permutations of the per-unit test.</summary>
    public const int DefaultPermutations = 1000;

    /// <summary>Declares an information check of one layer.</summary>
    /// <param name="layer">The layer's name as <c>named_modules()</c> gives it, e.g. <c>fc2</c>.</param>
    public InformationCheckAttribute(string layer) => Layer = layer;

    /// <summary>The layer whose output is measured.</summary>
    public string Layer { get; }

    /// <summary>
    /// Lowest accepted information about the label, in bits (≥ 0). The estimate is at most H(Y), the
    /// entropy of the evaluation set's labels (≤ log₂ of the number of classes; the result reports it and
    /// the layer's share of it), so a bound above H(Y) can never pass; no upper limit is declared because
    /// H(Y) depends on the data, not on the attribute. The estimate is not bias-corrected: on weak,
    /// overlapping classes it reads a little high, so compare it between layers and runs.
    /// </summary>
    [Bound("labelBits", BoundKind.Min, "IA1401", Lower = 0, Tolerance = 0.05)]
    public double MinLabelBits { get; set; } = double.NaN;

    /// <summary>Lowest accepted fraction of the layer's units that are individually informative, in [0, 1].</summary>
    [Bound("significantUnitFraction", BoundKind.Min, "IA1402", Lower = 0, Upper = 1, Tolerance = 0.02)]
    public double MinSignificantUnitFraction { get; set; } = double.NaN;

    /// <summary>
    /// Most principal components the layer is reduced to (default 16). Fewer are used when the smallest
    /// class is too small: the estimate wants fewer components than a tenth of its samples.
    /// </summary>
    [ValidRange(1)]
    public int Components { get; set; } = DefaultComponents;

    /// <summary>Label permutations of the per-unit significance test (default 1000; at least 19 to reach p ≤ 0.05).</summary>
    [ValidRange(1)]
    public int Permutations { get; set; } = DefaultPermutations;
}
