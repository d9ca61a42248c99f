namespace InterpAudit.Lib;

/// <summary>
/// A Local Interaction Basis measurement of a chain of layers (spec lib.md), as metrics.json records
/// it: τ, per-layer figures and spectra, and the edges between adjacent layers.
/// </summary>
/// <param name="Tau">The relative truncation τ used in steps 2 and 4.</param>
/// <param name="InputSamples">Evaluation samples (before spatial positions are counted as samples).</param>
/// <param name="Layers">Audited layers in forward order.</param>
/// <param name="Interactions">Edges between each audited layer and the next (the last with the output).</param>
/// <param name="EigenSolver">Where the eigendecompositions ran.</param>
public sealed record LibResult(
    double Tau,
    long InputSamples,
    IReadOnlyList<LibLayerResult> Layers,
    IReadOnlyList<LibInteractionResult> Interactions,
    string EigenSolver);
