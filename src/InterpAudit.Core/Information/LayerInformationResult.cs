using InterpAudit.Results;

namespace InterpAudit.Information;

/// <summary>
/// What one layer's activations tell about the class label (spec mi.md, "What the audit reports"), with
/// the diagnostics the spec asks for. All information values are in bits. The per-unit figures are
/// bias-corrected (model comparison); the layer figure, from a Gaussian mixture, is not (none exists for
/// it), which <see cref="BiasCorrected"/> = false says.
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
/// <param name="LabelBits">I(PCA_k(T); Y) of the copula-normalised components from a Gaussian mixture
/// (<see cref="GaussianMixtureInformation"/>): at most <see cref="LabelEntropyBits"/>.</param>
/// <param name="LabelBitsUncorrected">Equal to LabelBits: the mixture estimate has no bias correction (kept for the report's layout).</param>
/// <param name="LabelBitsInterval">Stratified bootstrap interval of LabelBits, each resample with the
/// ties redrawn (<see cref="StratifiedBootstrap.WithTieDrawsMethod"/>), capped at H(Y).</param>
/// <param name="SignificantUnitFraction">Significant units over all units (constant units count as not significant).</param>
/// <param name="TopUnits">The most informative units, most informative first.</param>
/// <param name="UnitBits">I(u;Y) per unit.</param>
/// <param name="UnitPValues">Permutation p-value per unit.</param>
/// <param name="TieFractions">Tie fraction per unit.</param>
/// <param name="BiasCorrected">Whether LabelBits is bias-corrected: false for the mixture estimate (UnitBits always are).</param>
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
    /// H(Y) in bits, the plug-in entropy of the evaluation set's class frequencies: no true I(T;Y)
    /// exceeds it, and neither does <see cref="LabelBits"/> (beyond
    /// <see cref="GaussianMixtureInformation.EntropyTolerance"/>).
    /// </summary>
    public double LabelEntropyBits => GaussianMixtureInformation.LabelEntropyBits(ClassCounts);

    /// <summary>LabelBits / H(Y): the share of the label's entropy the layer's figure accounts for (0 when H(Y) = 0).</summary>
    public double LabelEntropyShare => LabelEntropyBits > 0 ? LabelBits / LabelEntropyBits : 0;

    /// <summary>LabelBitsInterval as shares of H(Y).</summary>
    public Interval LabelEntropyShareInterval => LabelEntropyBits > 0
        ? new Interval(LabelBitsInterval.Lower / LabelEntropyBits, LabelBitsInterval.Upper / LabelEntropyBits, LabelBitsInterval.Method)
        : new Interval(0, 0, LabelBitsInterval.Method);

    /// <summary>True when LabelBits lies above H(Y) by more than the rounding tolerance: never for the mixture estimate.</summary>
    public bool ExceedsLabelEntropy => LabelBits > LabelEntropyBits + GaussianMixtureInformation.EntropyTolerance;

    /// <summary>
    /// Diagnostic: the bias-corrected model-comparison figure of the same components (<c>gcmi_model_cd</c>,
    /// spec step 5). Not bounded by H(Y): a single Gaussian fitted to a multi-modal layer overstates the
    /// layer's entropy, so with well-separated classes it exceeds H(Y) and may rise with depth. Not gated.
    /// </summary>
    public double ModelComparisonBits { get; init; }

    /// <summary>How <see cref="LabelBits"/> is estimated, for the report and metrics.json.</summary>
    public string Estimator => LabelEstimator;

    /// <summary>The layer figure's estimator: class-conditional Gaussians in copula space, mixture entropy by the unscented transform.</summary>
    public const string LabelEstimator = "gaussian-copula-mixture-unscented";

    /// <summary>The spec's information-plane caution, for the report.</summary>
    public string Caution => InformationCaution.Text;
}
