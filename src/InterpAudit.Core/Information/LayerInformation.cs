using InterpAudit.Results;

namespace InterpAudit.Information;

/// <summary>
/// The per-layer information measurement (spec mi.md, "What the audit reports"):
/// <list type="number">
/// <item>copula-normalise each unit (seeded random tie-breaking; constant units skipped);</item>
/// <item>reduce the units to k principal components, unsupervised, and copula-normalise those;</item>
/// <item><c>I(PCA_k(T); Y)</c> from a Gaussian mixture (one Gaussian per class in copula space, the
/// mixture's entropy by the unscented transform: <see cref="GaussianMixtureInformation"/>), which cannot
/// exceed H(Y), with a stratified bootstrap interval whose resamples also redraw the tie-breaking;</item>
/// <item>per unit, <c>I(u;Y)</c> by bias-corrected model comparison (one dimension: a Gaussian fitted to
/// the whole unit, so a lower bound) with a max-statistic label-permutation test.</item>
/// </list>
/// The model-comparison figure of the k components (<c>gcmi_model_cd</c>, spec step 5) is kept as a
/// named diagnostic only: a single Gaussian fitted to a multi-modal layer overstates its entropy, so in
/// k dimensions it exceeds H(Y) on well-separated classes (8 bits of 3.32 on the sample) and can rise
/// with depth against the data-processing inequality.
/// </summary>
internal static class LayerInformation
{
    /// <param name="layer">The layer's name, for messages and seeds.</param>
    /// <param name="units">Activations, one row of N samples per unit (channels averaged over space for convolutions).</param>
    /// <param name="labels">Class label per sample.</param>
    /// <param name="classNames">One name per label value.</param>
    /// <exception cref="Diagnostics.AuditInputException">IA3019 when a class has too few samples for the estimate.</exception>
    public static LayerInformationResult Measure(string layer, IReadOnlyList<double[]> units, int[] labels,
        IReadOnlyList<string> classNames, InformationOptions options)
    {
        int n = labels.Length, classCount = classNames.Count;
        ClassSizes sizes = ClassSizes.Of(labels, classCount);
        CopulaLayer copula = CopulaLayer.Normalize(layer, units, n, options.Seed);
        int available = units.Count - copula.ConstantCount;
        int k = sizes.ComponentBudget(options.Components, available, layers: 1);
        // The per-unit estimates are one-dimensional, the layer estimate k-dimensional (k ≥ 1 here).
        if (available > 0) sizes.RequireMoreThan(k, $"Layer '{layer}'", classNames);

        double[][] components = copula.Components(k);
        double labelBits = GaussianMixtureInformation.WithLabels(components, labels, classCount);
        double modelComparison = available == 0 ? 0 : GaussianMutualInformation.WithLabels(components, labels, classCount);
        double labelEntropy = GaussianMixtureInformation.LabelEntropyBits(sizes.Counts);
        // Each resample redraws the ties (draw b) and then the samples, so the band holds both noises.
        // No estimate exceeds H(Y), so neither may the interval: the recentring could push it there.
        Interval interval = StratifiedBootstrap.Percentile(labelBits, labels, classCount, options.BootstrapResamples,
            SeedDerivation.Derive(options.Seed, "bootstrap:" + layer),
            b => copula.WithTiesRedrawn(b).Components(k),
            (resampled, y) => GaussianMixtureInformation.WithLabels(resampled, y, classCount));
        interval = interval with { Upper = Math.Min(interval.Upper, labelEntropy) };

        UnitSignificance significance = UnitPermutationTest.Run(copula.Units, labels, classCount, options.Permutations,
            options.Alpha, SeedDerivation.Derive(options.Seed, "permutations:" + layer));
        UnitInformation[] top = Enumerable.Range(0, units.Count)
            .Where(u => copula.Units[u] is not null)
            .OrderByDescending(u => significance.Bits[u]).ThenBy(u => u)
            .Take(options.TopUnits)
            .Select(u => new UnitInformation(u, significance.Bits[u], significance.PValues[u], significance.Significant[u], copula.TieFractions[u]))
            .ToArray();

        return new LayerInformationResult(
            layer, n, sizes.Counts, sizes.MinPresent, units.Count, copula.ConstantCount,
            options.Components, k, sizes.MeetsTenfoldRule(k),
            labelBits, labelBits, interval, options.BootstrapResamples,
            options.Permutations, options.Alpha, significance.SignificantCount,
            units.Count == 0 ? 0 : (double)significance.SignificantCount / units.Count,
            top, significance.Bits, significance.PValues, copula.TieFractions,
            copula.TieFractions.DefaultIfEmpty(0).Max(), options.Seed, BiasCorrected: false)
        {
            ModelComparisonBits = modelComparison,
        };
    }
}
