namespace InterpAudit.Lib;

/// <summary>What <see cref="LocalInteractionBasis.Measure"/> returns: the summary for metrics.json and the full matrices.</summary>
internal sealed record LibAnalysis(LibResult Result, IReadOnlyList<LibLayerBasis> Bases, IReadOnlyList<LibEdgeMatrices> Edges);
