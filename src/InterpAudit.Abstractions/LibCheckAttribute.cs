namespace InterpAudit;

/// <summary>
/// How many computationally relevant features the listed layers have and how sparsely they interact,
/// measured with the Local Interaction Basis (LIB; Bushnaq et al. 2024, arXiv 2405.10928). Each layer's
/// activations are rotated, backwards from the model output, into the directions that matter to the
/// next audited layer (or to the logits, for the last one), each scaled by how much it matters. The same
/// figures are computed for a PCA basis of each layer as the baseline.
/// Per layer (scope <c>layer=relu1</c>): <c>libFeatures</c> (features kept after the relative truncation
/// τ = 1e-10), <c>libFeatures99</c> (features holding 99% of the importance spectrum; independent of τ).
/// Per pair of adjacent audited layers, the last one paired with the model output (scope
/// <c>layers=relu1,relu2</c>, <c>layers=relu2,output</c>): <c>edges90</c> (fewest LIB interaction edges
/// holding 90% of the edge mass) and <c>sparsityGain</c> (PCA's edges90 over LIB's; above 1, LIB
/// interacts more sparsely). Convolutional layers are read per channel with spatial positions as samples.
/// Unset bounds are NaN and not checked; at least one must be set.
/// </summary>
/// <example><c>[LibCheck(Layers = new[] { "relu1", "relu2" }, MaxFeatures99 = 40, MinSparsityGain = 1.0)]</c></example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
[CheckFamily("lib")]
public sealed class LibCheckAttribute : AuditCheckAttribute
{
    /// <summary>
    /// The audited layers as <c>named_modules()</c> names them, e.g. <c>relu1</c>, <c>relu2</c>, in any
    /// order (they are ordered as the forward pass reaches them). The model output is always the last layer.
    /// </summary>
    public string[] Layers { get; set; } = [];

    /// <summary>Highest accepted number of LIB features kept after truncation, per layer.</summary>
    [Bound("libFeatures", BoundKind.Max, "IA1101", Lower = 0, Tolerance = 1, RelativeTolerance = 0.05)]
    public double MaxLibFeatures { get; set; } = double.NaN;

    /// <summary>Highest accepted number of LIB features that hold 99% of the importance spectrum, per layer.</summary>
    [Bound("libFeatures99", BoundKind.Max, "IA1102", Lower = 0, Tolerance = 1, RelativeTolerance = 0.05)]
    public double MaxFeatures99 { get; set; } = double.NaN;

    /// <summary>Highest accepted number of LIB edges that hold 90% of the interaction mass, per pair of adjacent layers.</summary>
    [Bound("edges90", BoundKind.Max, "IA1103", Lower = 0, Tolerance = 1, RelativeTolerance = 0.05)]
    public double MaxEdges90 { get; set; } = double.NaN;

    /// <summary>
    /// Lowest accepted ratio of PCA's edges90 to LIB's, per pair of adjacent layers (1: LIB is at least as
    /// sparse as PCA).
    /// </summary>
    [Bound("sparsityGain", BoundKind.Min, "IA1104", Lower = 0, Tolerance = 0.05, RelativeTolerance = 0.05)]
    public double MinSparsityGain { get; set; } = double.NaN;
}
