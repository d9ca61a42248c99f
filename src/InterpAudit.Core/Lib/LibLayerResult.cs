namespace InterpAudit.Lib;

/// <summary>
/// One audited layer's LIB and PCA figures (spec lib.md, "What the audit reports per layer"). Feature
/// counts exclude the constant (bias) feature, which every basis has.
/// </summary>
/// <param name="Layer">The layer's name.</param>
/// <param name="Units">d_l: units, or channels of a convolution.</param>
/// <param name="Samples">Samples in the Gram and Jacobian sums (inputs × spatial positions).</param>
/// <param name="LibFeatures">Non-constant LIB features kept after truncation (Λ_k ≥ τ · max Λ).</param>
/// <param name="LibFeatures99">The fewest LIB features holding 99% of Σ Λ (independent of τ).</param>
/// <param name="PcaFeatures">Principal directions kept after truncation (D_k ≥ τ · max D).</param>
/// <param name="PcaFeatures99">The fewest principal directions holding 99% of the variance.</param>
/// <param name="LibSpectrum">Λ, descending: each LIB feature's variance, i.e. its downstream importance.</param>
/// <param name="PcaSpectrum">D, descending: the variances of the principal directions.</param>
/// <param name="Seconds">Wall time of this layer's passes (Jacobian Gram, bases, edges).</param>
/// <param name="AccumulationGflop">Floating-point work of the M' accumulation (2 · rows · d_l² per batch), in GFLOP.</param>
/// <param name="AccumulationSeconds">Time spent in the M' accumulation's matrix products.</param>
public sealed record LibLayerResult(
    string Layer,
    int Units,
    long Samples,
    int LibFeatures,
    int LibFeatures99,
    int PcaFeatures,
    int PcaFeatures99,
    IReadOnlyList<double> LibSpectrum,
    IReadOnlyList<double> PcaSpectrum,
    double Seconds,
    double AccumulationGflop,
    double AccumulationSeconds)
{
    /// <summary>Achieved rate of the M' accumulation in GFLOP/s (0 when too fast to time).</summary>
    public double AccumulationGflopsPerSecond => AccumulationSeconds > 0 ? AccumulationGflop / AccumulationSeconds : 0;
}
