namespace InterpAudit.Lib;

/// <summary>
/// The interaction edges between two adjacent audited layers (the last one paired with the model
/// output, named <c>output</c>), summarised for metrics.json: totals, the largest edges and the mass per
/// feature, not the full matrix. Edges from the constant feature are reported separately and excluded
/// from <see cref="LibEdges90"/>, <see cref="PcaEdges90"/> and <see cref="SparsityGain"/> (spec).
/// </summary>
/// <param name="FromLayer">Layer l.</param>
/// <param name="ToLayer">Layer l+1, or <c>output</c>.</param>
/// <param name="LibEdges90">The fewest non-constant LIB edges holding 90% of their mass.</param>
/// <param name="PcaEdges90">The same for the PCA baseline.</param>
/// <param name="SparsityGain">PcaEdges90 / max(LibEdges90, 1): above 1, LIB interacts more sparsely.</param>
/// <param name="LibEdgeMass">Σ E_ij over non-constant LIB sources.</param>
/// <param name="PcaEdgeMass">The same for PCA.</param>
/// <param name="LibConstantEdgeMass">Σ_i E_i0 for LIB: the part of each next feature its local linearisation does not explain.</param>
/// <param name="PcaConstantEdgeMass">The same for PCA.</param>
/// <param name="LibTopEdges">The largest non-constant LIB edges, largest first.</param>
/// <param name="PcaTopEdges">The largest non-constant PCA edges, largest first.</param>
/// <param name="LibMassBySource">Σ_i E_ij per LIB source feature j (index 0 the constant).</param>
/// <param name="LibMassByTarget">Σ_j E_ij per next-layer feature i (non-constant sources only).</param>
/// <param name="PcaMassBySource">Σ_i E_ij per PCA source feature j (index 0 the constant).</param>
/// <param name="PcaMassByTarget">Σ_j E_ij per next-layer PCA feature i (non-constant sources only).</param>
public sealed record LibInteractionResult(
    string FromLayer,
    string ToLayer,
    int LibEdges90,
    int PcaEdges90,
    double SparsityGain,
    double LibEdgeMass,
    double PcaEdgeMass,
    double LibConstantEdgeMass,
    double PcaConstantEdgeMass,
    IReadOnlyList<InteractionEdge> LibTopEdges,
    IReadOnlyList<InteractionEdge> PcaTopEdges,
    IReadOnlyList<double> LibMassBySource,
    IReadOnlyList<double> LibMassByTarget,
    IReadOnlyList<double> PcaMassBySource,
    IReadOnlyList<double> PcaMassByTarget);
