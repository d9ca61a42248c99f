namespace InterpAudit.Information;

/// <summary>
/// Redundancy and synergy of two layers about the class label (spec mi.md, "Redundancy and synergy"):
/// each layer is copula-normalised and reduced to principal components as in
/// <see cref="LayerInformation"/>; then <c>I(A;Y)</c>, <c>I(B;Y)</c> and <c>I(A,B;Y)</c>, each by the
/// same bounded Gaussian-mixture estimator as the layer figure (<see cref="GaussianMixtureInformation"/>,
/// every term ≤ H(Y)), give the co-information and the MMI decomposition. Both layers' components enter
/// the joint estimate, so the component budget is shared between them. The interval's resamples redraw
/// both layers' tie-breaking, as the layer figure's do.
/// <para>
/// The mixture estimate is not bias-corrected, and its upward bias on overlapping classes grows with the
/// dimension, so the joint term (kA + kB dimensions) carries more of it than the two single ones: the
/// co-information leans slightly towards synergy on weak information; with well-separated classes every
/// term approaches H(Y) and the co-information H(Y) (all redundant).
/// </para>
/// </summary>
internal static class LayerRedundancy
{
    /// <exception cref="Diagnostics.AuditInputException">IA3019 when a class has too few samples for the joint estimate.</exception>
    public static LayerRedundancyResult Measure(string layerA, IReadOnlyList<double[]> unitsA, string layerB, IReadOnlyList<double[]> unitsB,
        int[] labels, IReadOnlyList<string> classNames, InformationOptions options)
    {
        int n = labels.Length, classCount = classNames.Count;
        ClassSizes sizes = ClassSizes.Of(labels, classCount);
        CopulaLayer a = CopulaLayer.Normalize(layerA, unitsA, n, options.Seed);
        CopulaLayer b = CopulaLayer.Normalize(layerB, unitsB, n, options.Seed);
        int availableA = unitsA.Count - a.ConstantCount, availableB = unitsB.Count - b.ConstantCount;
        int k = sizes.ComponentBudget(options.Components, Math.Max(availableA, availableB), layers: 2);
        int kA = Math.Min(k, availableA), kB = Math.Min(k, availableB);
        if (kA + kB > 0) sizes.RequireMoreThan(kA + kB, $"Layers '{layerA}' and '{layerB}' together", classNames);

        double[][] joint = [.. a.Components(kA), .. b.Components(kB)];
        double CoInformation(IReadOnlyList<double[]> rows, int[] y) =>
            Decompose(rows, kA, y, classCount).CoInformation;
        InformationDecomposition decomposition = Decompose(joint, kA, labels, classCount);
        var interval = StratifiedBootstrap.Percentile(decomposition.CoInformation, labels, classCount, options.BootstrapResamples,
            SeedDerivation.Derive(options.Seed, $"bootstrap:{layerA}|{layerB}"),
            draw => [.. a.WithTiesRedrawn(draw).Components(kA), .. b.WithTiesRedrawn(draw).Components(kB)], CoInformation);

        return new LayerRedundancyResult(
            layerA, layerB, n, sizes.Counts, sizes.MinPresent, options.Components, kA, kB, sizes.MeetsTenfoldRule(kA + kB),
            a.ConstantCount, b.ConstantCount, a.TieFractions.DefaultIfEmpty(0).Max(), b.TieFractions.DefaultIfEmpty(0).Max(),
            decomposition, interval, options.BootstrapResamples, options.Seed, BiasCorrected: false);
    }

    /// <summary>The decomposition of the first <paramref name="dimensionsA"/> rows (A) and the rest (B) about the labels.</summary>
    private static InformationDecomposition Decompose(IReadOnlyList<double[]> joint, int dimensionsA, int[] labels, int classCount)
    {
        double informationA = GaussianMixtureInformation.WithLabels(joint.Take(dimensionsA).ToArray(), labels, classCount);
        double informationB = GaussianMixtureInformation.WithLabels(joint.Skip(dimensionsA).ToArray(), labels, classCount);
        double informationJoint = GaussianMixtureInformation.WithLabels(joint, labels, classCount);
        return InformationDecomposition.FromMutualInformation(informationA, informationB, informationJoint);
    }
}
