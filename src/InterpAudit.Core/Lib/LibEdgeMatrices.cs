namespace InterpAudit.Lib;

/// <summary>
/// The full edge matrices E^l (next features × (1 + features), column 0 the constant feature) of one
/// pair of layers, for tests and charts; metrics.json gets <see cref="LibInteractionResult"/>.
/// </summary>
internal sealed record LibEdgeMatrices(string FromLayer, string ToLayer, double[,] Lib, double[,] Pca);
