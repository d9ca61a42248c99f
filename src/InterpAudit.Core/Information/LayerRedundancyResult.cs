using InterpAudit.Results;

namespace InterpAudit.Information;

/// <summary>
/// How two layers share their information about the class label (spec mi.md, "Redundancy and
/// synergy"): each layer reduced to copula-normalised principal components as in
/// <see cref="LayerInformationResult"/>, then co-information and the MMI decomposition, in bits.
/// <see cref="InformationDecomposition.CoInformationSign"/> labels the sign.
/// </summary>
/// <param name="ComponentsA">k of layer A.</param>
/// <param name="ComponentsB">k of layer B.</param>
/// <param name="ComponentRuleMet">Whether ComponentsA + ComponentsB &lt; MinClassCount / 10 held (the joint estimate has both).</param>
/// <param name="CoInformationInterval">Stratified percentile bootstrap interval of the co-information.</param>
public sealed record LayerRedundancyResult(
    string LayerA,
    string LayerB,
    int SampleCount,
    IReadOnlyList<int> ClassCounts,
    int MinClassCount,
    int RequestedComponents,
    int ComponentsA,
    int ComponentsB,
    bool ComponentRuleMet,
    int ConstantUnitCountA,
    int ConstantUnitCountB,
    double MaxTieFractionA,
    double MaxTieFractionB,
    InformationDecomposition Decomposition,
    Interval CoInformationInterval,
    int BootstrapResamples,
    int Seed,
    bool BiasCorrected)
{
    /// <summary>The spec's information-plane caution, for the report.</summary>
    public string Caution => InformationCaution.Text;
}
