namespace InterpAudit.Reporting;

/// <summary>
/// What every judged metric means, for the report's glossary: what it measures, its unit, which way
/// is better and where it comes from. Keyed by the metric names the check attributes' <c>[Bound]</c>s
/// declare; GlossaryTests fails for a bound metric without an entry, so a new metric cannot reach the
/// checks table unexplained.
/// </summary>
internal static class Glossary
{
    /// <param name="Metric">The metric's name as results carry it.</param>
    /// <param name="Measures">What the figure is, in a sentence or two.</param>
    /// <param name="Unit">Its unit (a share, a count, bits).</param>
    /// <param name="Better">Which direction is better, in words.</param>
    /// <param name="Reference">The paper or definition it follows.</param>
    /// <param name="Integer">A count: printed without decimals.</param>
    public sealed record Entry(string Metric, string Measures, string Unit, string Better, string Reference, bool Integer = false)
    {
        /// <summary>The entry's id in the page, which the checks table links to.</summary>
        public string Anchor => "metric-" + Metric;
    }

    public static IReadOnlyDictionary<string, Entry> Entries { get; } = new Entry[]
    {
        new("accuracy", "The share of the evaluation samples (of one class, or of all) the model classifies correctly; the interval is the 95% Wilson score interval.",
            "share, 0–1", "higher", "Wilson (1927), the score interval for a binomial proportion"),
        new("ecs", "Effective circuit size of one class: the share of the Linear layers' weights that greedy pruning (last layer first, row by row, one weight at a time) cannot zero without the class's mean cross-entropy rising above the original model's.",
            "share of the weights, 0–1", "lower (a smaller circuit)", "Golechha et al. (2024), effective circuit size"),
        new("meanEcs", "The mean of the classes' effective circuit sizes (see ecs).",
            "share of the weights, 0–1", "lower", "Golechha et al. (2024)"),
        new("libFeatures", "Local Interaction Basis features of a layer kept after the relative truncation τ: directions of the layer that matter to the next audited layer (or the logits).",
            "count", "lower (fewer directions carry the computation)", "Bushnaq et al. (2024), the Local Interaction Basis", Integer: true),
        new("libFeatures99", "The fewest LIB features that hold 99% of the importance spectrum Λ (the LIB features' importances, largest first).",
            "count", "lower", "Bushnaq et al. (2024)", Integer: true),
        new("edges90", "Interaction edges between two adjacent audited layers' LIB features needed to hold 90% of the interaction mass (edges from the constant feature left out).",
            "count", "lower (sparser interactions)", "Bushnaq et al. (2024)", Integer: true),
        new("sparsityGain", "PCA's edges90 divided by LIB's for the same pair of layers: how much sparser the LIB basis makes the interactions than plain principal components.",
            "ratio", "higher", "Bushnaq et al. (2024), LIB against PCA"),
        new("labelBits", "Mutual information I(T;Y) between the layer T (copula-normalised units reduced to principal components) and the class label Y, bias-corrected. It measures how well a Gaussian read-out separates the classes and can exceed log₂(classes): compare layers and runs, not the label's entropy.",
            "bits", "higher", "Ince et al. (2017), Gaussian-copula mutual information"),
        new("significantUnitFraction", "The share of the layer's units whose information about the label is significant in a max-statistic permutation test (α = 0.05); constant units count as not significant.",
            "share of the units, 0–1", "higher", "Nichols & Holmes (2002), the max-statistic permutation test"),
        new("coInformation", "Co-information I(A;Y) + I(B;Y) − I(A,B;Y) of two layers about the label: positive is net redundancy, negative net synergy.",
            "bits", "neither in general: the bound says which side the audit wants", "Bell (2003), the co-information"),
        new("clusterability", "C, the share of a layer's squared weight inside the diagonal blocks of its units' co-clustering into groups; read it against the shuffle null C_null, which co-clustering reaches even on noise.",
            "share of the squared weight, 0–1", "higher (more modular)", "Golechha et al. (2024); bipartite spectral co-clustering, Dhillon (2001)"),
        new("normalizedClusterability", "C̃ = (C − C_null)/(1 − C_null): clusterability above the shuffle null, 0 at chance and 1 for perfect blocks.",
            "share, ≤ 1", "higher", "Golechha et al. (2024), normalised against a shuffle null"),
        new("enmeshment", "E = 1 − C, the share of the layer's squared weight outside the co-clustering's blocks.",
            "share of the squared weight, 0–1", "lower", "Golechha et al. (2024), the enmeshment loss's measure"),
        new("specialization", "The mean over clusters of S_c = max_y |Δ_{c,y}| / Σ_y |Δ_{c,y}|, where Δ_{c,y} is class y's accuracy change when cluster c's units are ablated: 1 when a cluster serves one class only, 1/classes when its effect is spread evenly.",
            "share, 1/classes–1", "higher", "this tool's definition (docs/diagnostics.md, cluster ablation); ranked against random unit sets after Hod et al. (2022)"),
        new("collateralDrop", "The largest accuracy drop that ablating a cluster causes in a class it does not own (a class's owner is the cluster whose ablation lowers it most).",
            "accuracy, 0–1", "lower", "this tool's definition (docs/diagnostics.md, cluster ablation)"),
    }.ToDictionary(e => e.Metric, StringComparer.Ordinal);
}
