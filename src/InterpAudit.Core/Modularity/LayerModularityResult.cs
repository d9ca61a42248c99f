using InterpAudit.Results;

namespace InterpAudit.Modularity;

/// <summary>
/// The modularity of one layer's weights (spec modularity.md §1–2): its BSGC co-clustering, its
/// clusterability against the shuffle null, and a block-ordered picture of |W| for the report.
/// </summary>
/// <param name="Layer">The layer's name in the model (empty when measured from a bare matrix).</param>
/// <param name="Outputs">Output units (rows of W; output channels of a convolution).</param>
/// <param name="Inputs">Input units (columns of W; input channels).</param>
/// <param name="OutputClusters">Co-cluster of each output unit; −1 for a dead unit.</param>
/// <param name="InputClusters">Co-cluster of each input unit; −1 for a dead unit.</param>
/// <param name="Clusterability">C: share of the squared weight inside the diagonal blocks (§2).</param>
/// <param name="BlockShares">Each diagonal block's share of the squared weight (sums to C).</param>
/// <param name="Null">C of BSGC on shuffled copies of the layer (§2).</param>
/// <param name="NormalizedClusterabilityInterval">
/// C̃ with C_null at its mean ± 1.96 standard errors: how much the finite number of shuffles leaves C̃ uncertain.
/// </param>
/// <param name="BipartiteModularity">Barber's Q_B of the same partition with B = |W| (§2).</param>
public sealed record LayerModularityResult(
    string Layer,
    int Outputs,
    int Inputs,
    ModularityOptions Options,
    IReadOnlyList<int> OutputClusters,
    IReadOnlyList<int> InputClusters,
    IReadOnlyList<int> DeadOutputs,
    IReadOnlyList<int> DeadInputs,
    double Clusterability,
    IReadOnlyList<double> BlockShares,
    ClusterabilityNull Null,
    Interval NormalizedClusterabilityInterval,
    double BipartiteModularity,
    BlockOrderedWeights BlockOrder)
{
    /// <summary>E = 1 − C (§2).</summary>
    public double Enmeshment => 1 - Clusterability;

    /// <summary>C̃ = (C − C_null)/(1 − C_null): 0 at chance, 1 for perfectly separated blocks, negative below chance.</summary>
    public double NormalizedClusterability => Normalize(Clusterability, Null.Mean);

    /// <summary>How the SVD was computed (see <see cref="SpectralCoclustering"/>).</summary>
    public string Svd => "LAPACK via torch.linalg.svd, float64, exact thin SVD";

    internal static double Normalize(double clusterability, double nullMean) =>
        (clusterability - nullMean) / (1 - nullMean);
}
