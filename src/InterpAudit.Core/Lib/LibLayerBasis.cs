namespace InterpAudit.Lib;

/// <summary>
/// The bases of one layer as matrices, for tests and for callers that rotate activations themselves;
/// metrics.json gets the summary in <see cref="LibLayerResult"/> instead. Features are
/// <c>f̂ = (x − Mean) · C</c> (the constant feature 1 is implicit).
/// </summary>
/// <param name="Layer">The layer's name.</param>
/// <param name="Mean">μ, the data mean of the units.</param>
/// <param name="Lib">C^l of LIB, units × features.</param>
/// <param name="LibInverse">C^{l+} of LIB, features × units.</param>
/// <param name="Pca">C^l of PCA (U, orthonormal columns), units × features.</param>
internal sealed record LibLayerBasis(string Layer, double[] Mean, double[,] Lib, double[,] LibInverse, double[,] Pca);
