namespace InterpAudit.Information;

/// <summary>
/// The per-layer information measurement (spec mi.md, "What the audit reports"):
/// <list type="number">
/// <item>copula-normalise each unit (seeded random tie-breaking; constant units skipped);</item>
/// <item>reduce the units to k principal components, unsupervised, and copula-normalise those;</item>
/// <item><c>I(PCA_k(T); Y)</c> by bias-corrected model comparison, with a stratified bootstrap interval;</item>
/// <item>per unit, <c>I(u;Y)</c> with a max-statistic label-permutation test.</item>
/// </list>
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
        double labelBits = GaussianMutualInformation.WithLabels(components, labels, classCount);
        double uncorrected = GaussianMutualInformation.WithLabels(components, labels, classCount, biasCorrect: false);
        var interval = StratifiedBootstrap.Percentile(components, labels, classCount, options.BootstrapResamples,
            SeedDerivation.Derive(options.Seed, "bootstrap:" + layer),
            (resampled, y) => GaussianMutualInformation.WithLabels(resampled, y, classCount));

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
            labelBits, uncorrected, interval, options.BootstrapResamples,
            options.Permutations, options.Alpha, significance.SignificantCount,
            units.Count == 0 ? 0 : (double)significance.SignificantCount / units.Count,
            top, significance.Bits, significance.PValues, copula.TieFractions,
            copula.TieFractions.DefaultIfEmpty(0).Max(), options.Seed, BiasCorrected: true);
    }
}
