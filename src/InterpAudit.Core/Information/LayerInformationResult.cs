using InterpAudit.Results;

namespace InterpAudit.Information;

/// <summary>
/// What one layer's activations tell about the class label (spec mi.md, "What the audit reports"), with
/// the diagnostics the spec asks for. All information values are in bits and bias-corrected unless
/// named otherwise.
/// </summary>
/// <param name="Layer">The layer's name.</param>
/// <param name="SampleCount">N, the evaluation samples.</param>
/// <param name="ClassCounts">N_y per class (label order).</param>
/// <param name="MinClassCount">The smallest N_y among classes with samples.</param>
/// <param name="UnitCount">Units (channels, for convolutional layers).</param>
/// <param name="ConstantUnitCount">Units with one value on every sample: skipped, 0 bits, never significant.</param>
/// <param name="RequestedComponents">The k asked for.</param>
/// <param name="Components">The k used: at most the non-constant units, and below MinClassCount / 10 when possible.</param>
/// <param name="ComponentRuleMet">Whether Components &lt; MinClassCount / 10 held.</param>
/// <param name="LabelBits">I(PCA_k(T); Y) of the copula-normalised components, by model comparison.</param>
/// <param name="LabelBitsUncorrected">The same without bias correction (always larger; for comparison).</param>
/// <param name="LabelBitsInterval">Stratified percentile bootstrap interval of LabelBits.</param>
/// <param name="SignificantUnitFraction">Significant units over all units (constant units count as not significant).</param>
/// <param name="TopUnits">The most informative units, most informative first.</param>
/// <param name="UnitBits">I(u;Y) per unit.</param>
/// <param name="UnitPValues">Permutation p-value per unit.</param>
/// <param name="TieFractions">Tie fraction per unit.</param>
public sealed record LayerInformationResult(
    string Layer,
    int SampleCount,
    IReadOnlyList<int> ClassCounts,
    int MinClassCount,
    int UnitCount,
    int ConstantUnitCount,
    int RequestedComponents,
    int Components,
    bool ComponentRuleMet,
    double LabelBits,
    double LabelBitsUncorrected,
    Interval LabelBitsInterval,
    int BootstrapResamples,
    int Permutations,
    double Alpha,
    int SignificantUnitCount,
    double SignificantUnitFraction,
    IReadOnlyList<UnitInformation> TopUnits,
    IReadOnlyList<double> UnitBits,
    IReadOnlyList<double> UnitPValues,
    IReadOnlyList<double> TieFractions,
    double MaxTieFraction,
    int Seed,
    bool BiasCorrected)
{
    /// <summary>
    /// H(Y) in bits from the class counts: no true I(T;Y) exceeds it. The Gaussian-copula
    /// model-comparison estimate can, when classes are well separated (a Gaussian fitted to a
    /// multi-modal layer overstates its entropy), so an estimate above it is a relative figure only.
    /// </summary>
    public double LabelEntropyBits => -ClassCounts.Where(c => c > 0).Sum(c => (double)c / SampleCount * Math.Log2((double)c / SampleCount));

    public bool ExceedsLabelEntropy => LabelBits > LabelEntropyBits;

    /// <summary>The spec's information-plane caution, for the report.</summary>
    public string Caution => InformationCaution.Text;
}
