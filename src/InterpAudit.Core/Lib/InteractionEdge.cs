namespace InterpAudit.Lib;

/// <summary>
/// One interaction edge E_ij between feature <paramref name="Source"/> of a layer and feature
/// <paramref name="Target"/> of the next (spec lib.md, "Interaction edges"). Features are numbered
/// from 1 in descending order of importance (LIB) or variance (PCA); 0 is the constant feature.
/// </summary>
public sealed record InteractionEdge(int Target, int Source, double Mass);
