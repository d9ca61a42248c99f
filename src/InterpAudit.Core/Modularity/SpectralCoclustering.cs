using static TorchSharp.torch;

namespace InterpAudit.Modularity;

/// <summary>
/// Bipartite spectral graph co-clustering (Dhillon, KDD 2001; spec modularity.md §1), the algorithm
/// of scikit-learn's <c>SpectralCoclustering</c>:
/// <list type="number">
/// <item><c>A = |W|</c>; units of zero degree are dead and left out; <c>D₁ = diag(A·1)</c>, <c>D₂ = diag(Aᵀ·1)</c>.</item>
/// <item><c>Aₙ = D₁^{-1/2} A D₂^{-1/2}</c>; its SVD; the ℓ singular-vector pairs after the first,
/// trivial one (σ₁ = 1, vectors ∝ D^{1/2}·1, which carry no partition): ℓ = k − 1, not Dhillon's
/// ⌈log₂ k⌉ (see <see cref="CoclusteringOptions.SingularVectors"/> for why).</item>
/// <item><c>Z = [D₁^{-1/2} U_ℓ ; D₂^{-1/2} V_ℓ]</c> and one joint k-means over Z's rows, so each
/// co-cluster is a set of output units together with a set of input units.</item>
/// </list>
/// The joint k-means is the point: clustering U and V separately and pairing the labels by number
/// (as the modularity paper's code does) breaks the pairing and gives clusterability 0.003 instead of
/// 0.993 on a planted 4-block matrix (spec §1).
/// <para>
/// The SVD is LAPACK's, through TorchSharp in float64 (<c>torch.linalg.svd</c>, thin). Measured on
/// the build machine (one libtorch thread, best of 3–20; 2026): 64×784 2.4 ms against 110 ms for
/// MathNet.Numerics 5.0's managed <c>Svd</c> (which has no thin mode and builds the full 784×784 V),
/// 64×64 0.47 ms against 1.6 ms, 1024×1024 0.71 s against 8.0 s. scikit-learn's default is a
/// randomized SVD; the exact one here removes that source of run-to-run variation.
/// </para>
/// </summary>
public static class SpectralCoclustering
{
    public static Coclustering Fit(WeightGraph graph, CoclusteringOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Clusters, 2);
        int k = options.Clusters;
        var rowDegree = new double[graph.Outputs];
        var columnDegree = new double[graph.Inputs];
        for (int u = 0; u < graph.Outputs; u++)
            for (int v = 0; v < graph.Inputs; v++)
            {
                double a = graph.Strength(u, v);
                rowDegree[u] += a;
                columnDegree[v] += a;
            }
        int[] rows = Enumerable.Range(0, graph.Outputs).Where(u => rowDegree[u] > 0).ToArray();
        int[] columns = Enumerable.Range(0, graph.Inputs).Where(v => columnDegree[v] > 0).ToArray();

        var outputLabels = Enumerable.Repeat(Coclustering.Dead, graph.Outputs).ToArray();
        var inputLabels = Enumerable.Repeat(Coclustering.Dead, graph.Inputs).ToArray();
        // ℓ pairs after the trivial one need 1 + ℓ singular values; a graph with fewer live units on
        // one side (mostly dead, or k close to the layer's width) embeds in as many as it has.
        int pairs = Math.Min(options.SingularVectors, Math.Min(rows.Length, columns.Length) - 1);
        if (pairs < 1)
        {
            // One live unit on a side: every live edge touches it, so one co-cluster holds them all.
            foreach (int u in rows) outputLabels[u] = 0;
            foreach (int v in columns) inputLabels[v] = 0;
            return new Coclustering(k, outputLabels, inputLabels);
        }

        double[] rowScale = rows.Select(u => 1 / Math.Sqrt(rowDegree[u])).ToArray();
        double[] columnScale = columns.Select(v => 1 / Math.Sqrt(columnDegree[v])).ToArray();
        var normalized = new double[rows.Length * columns.Length];
        for (int i = 0; i < rows.Length; i++)
            for (int j = 0; j < columns.Length; j++)
                normalized[i * columns.Length + j] = rowScale[i] * graph.Strength(rows[i], columns[j]) * columnScale[j];

        double[][] points = Embed(normalized, rows.Length, columns.Length, pairs, rowScale, columnScale);
        int[] labels = KMeans.Cluster(points, k, options.Restarts, new Random(options.Seed));
        for (int i = 0; i < rows.Length; i++) outputLabels[rows[i]] = labels[i];
        for (int j = 0; j < columns.Length; j++) inputLabels[columns[j]] = labels[rows.Length + j];
        return new Coclustering(k, outputLabels, inputLabels);
    }

    /// <summary>The rows of Z: live output units first, then live input units, each with <paramref name="pairs"/> coordinates.</summary>
    private static double[][] Embed(double[] normalized, int rowCount, int columnCount, int pairs, double[] rowScale, double[] columnScale)
    {
        using var scope = NewDisposeScope();
        Tensor matrix = tensor(normalized, [rowCount, columnCount], ScalarType.Float64);
        (Tensor u, Tensor _, Tensor vh) = linalg.svd(matrix, fullMatrices: false);
        // Singular values come in descending order; column 0 is the trivial pair.
        double[] left = u.narrow(1, 1, pairs).contiguous().data<double>().ToArray();
        double[] right = vh.narrow(0, 1, pairs).t().contiguous().data<double>().ToArray();
        var points = new double[rowCount + columnCount][];
        for (int i = 0; i < rowCount; i++)
            points[i] = Enumerable.Range(0, pairs).Select(p => rowScale[i] * left[i * pairs + p]).ToArray();
        for (int j = 0; j < columnCount; j++)
            points[rowCount + j] = Enumerable.Range(0, pairs).Select(p => columnScale[j] * right[j * pairs + p]).ToArray();
        return points;
    }
}
