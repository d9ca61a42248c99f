namespace InterpAudit.Information;

/// <summary>
/// Mutual information between variables under a Gaussian model, in bits (spec mi.md, "Gaussian-copula
/// MI", steps 3–5; Ince et al. 2017, reference code <c>mi_gg</c>, <c>cmi_ggg</c>, <c>mi_model_gd</c>).
/// Variables are d rows of N samples. These estimators take the data as they are: copula-normalise it
/// first (<see cref="GaussianCopulaMutualInformation"/>) for an estimate that does not assume Gaussian
/// marginals. Every entropy term is bias-corrected with its own dimension unless
/// <c>biasCorrect</c> is false; negative results are the correction at work and are not clipped (step 6).
/// </summary>
internal static class GaussianMutualInformation
{
    /// <summary>
    /// <c>I(X;Y) = (H_X + H_Y − H_XY) / ln 2</c> (step 3, <c>mi_gg</c>). The <c>(d/2)(ln 2π + 1)</c>
    /// terms of the three entropies cancel, so only the log-determinants and bias terms remain.
    /// </summary>
    public static double Between(IReadOnlyList<double[]> x, IReadOnlyList<double[]> y, bool biasCorrect = true)
    {
        double[][] joint = [.. x, .. y];
        int n = GaussianEntropy.SampleCount(joint);
        GaussianEntropy.RequireMoreSamplesThanDimensions(n, joint.Length);
        double[,] covariance = GaussianEntropy.Covariance(joint);
        int[] xs = Range(0, x.Count), ys = Range(x.Count, y.Count), all = Range(0, joint.Length);
        double hx = Term(covariance, xs, n, biasCorrect);
        double hy = Term(covariance, ys, n, biasCorrect);
        double hxy = Term(covariance, all, n, biasCorrect);
        return (hx + hy - hxy) / GaussianEntropy.Ln2;
    }

    /// <summary>One-dimensional convenience overload of <see cref="Between(IReadOnlyList{double[]}, IReadOnlyList{double[]}, bool)"/>.</summary>
    public static double Between(double[] x, double[] y, bool biasCorrect = true) => Between([x], [y], biasCorrect);

    /// <summary>
    /// <c>I(X;Y|Z) = (H_XZ + H_YZ − H_XYZ − H_Z) / ln 2</c> (step 4, <c>cmi_ggg</c>): the information X
    /// and Y share that Z does not explain.
    /// </summary>
    public static double Conditional(IReadOnlyList<double[]> x, IReadOnlyList<double[]> y, IReadOnlyList<double[]> z, bool biasCorrect = true)
    {
        double[][] joint = [.. x, .. y, .. z];
        int n = GaussianEntropy.SampleCount(joint);
        GaussianEntropy.RequireMoreSamplesThanDimensions(n, joint.Length);
        double[,] covariance = GaussianEntropy.Covariance(joint);
        int[] xs = Range(0, x.Count), ys = Range(x.Count, y.Count), zs = Range(x.Count + y.Count, z.Count);
        double hxz = Term(covariance, [.. xs, .. zs], n, biasCorrect);
        double hyz = Term(covariance, [.. ys, .. zs], n, biasCorrect);
        double hxyz = Term(covariance, [.. xs, .. ys, .. zs], n, biasCorrect);
        double hz = Term(covariance, zs, n, biasCorrect);
        return (hxz + hyz - hxyz - hz) / GaussianEntropy.Ln2;
    }

    /// <summary>
    /// Information between continuous X and a class label, by model comparison (step 5,
    /// <c>mi_model_gd</c>): the entropy of one Gaussian fitted to all samples minus the class-weighted
    /// entropies of one Gaussian per class,
    /// <c>I = [½ ln det Σ̂_X − Σ_y w_y ½ ln det Σ̂_{X|y}]/ln 2 − [B(N,d) − Σ_y w_y B(N_y,d)]/ln 2</c>,
    /// <c>w_y = N_y / N</c>. Classes without samples have weight 0 and drop out; every other class needs
    /// more samples than X has dimensions. With zero dimensions the result is 0.
    /// </summary>
    /// <param name="labels">One class label per sample, in 0..<paramref name="classCount"/>−1.</param>
    public static double WithLabels(IReadOnlyList<double[]> x, IReadOnlyList<int> labels, int classCount, bool biasCorrect = true)
    {
        int d = x.Count, n = labels.Count;
        if (d == 0) return 0;
        if (GaussianEntropy.SampleCount(x) != n)
            throw new ArgumentException($"Expected one label per sample ({GaussianEntropy.SampleCount(x)}), found {n}.", nameof(labels));
        GaussianEntropy.RequireMoreSamplesThanDimensions(n, d);
        List<int>[] members = SamplesByClass(labels, classCount);

        double unconditional = GaussianEntropy.HalfLogDeterminant(GaussianEntropy.Covariance(x));
        double conditional = 0, conditionalBias = 0;
        for (int c = 0; c < classCount; c++)
        {
            List<int> samples = members[c];
            if (samples.Count == 0) continue;
            if (samples.Count <= d)
                throw new ArgumentException($"Class {c} has {samples.Count} samples; a Gaussian fit of {d} dimension(s) needs more than {d}.", nameof(labels));
            var rows = new double[d][];
            for (int i = 0; i < d; i++)
            {
                double[] source = x[i];
                var row = new double[samples.Count];
                for (int s = 0; s < row.Length; s++) row[s] = source[samples[s]];
                rows[i] = row;
            }
            double weight = (double)samples.Count / n;
            conditional += weight * GaussianEntropy.HalfLogDeterminant(GaussianEntropy.Covariance(rows));
            if (biasCorrect) conditionalBias += weight * GaussianEntropy.BiasNats(samples.Count, d);
        }
        double information = unconditional - conditional;
        if (biasCorrect) information -= GaussianEntropy.BiasNats(n, d) - conditionalBias;
        return information / GaussianEntropy.Ln2;
    }

    /// <summary>
    /// The exact information between the first <paramref name="xDimensions"/> variables of a Gaussian
    /// with covariance <paramref name="covariance"/> and the rest, in bits:
    /// <c>½ log₂(det Σ_X det Σ_Y / det Σ)</c>. No samples, so no bias correction.
    /// </summary>
    public static double FromCovariance(double[,] covariance, int xDimensions)
    {
        int d = covariance.GetLength(0);
        int[] xs = Range(0, xDimensions), ys = Range(xDimensions, d - xDimensions), all = Range(0, d);
        return (GaussianEntropy.HalfLogDeterminant(covariance, xs) + GaussianEntropy.HalfLogDeterminant(covariance, ys)
                - GaussianEntropy.HalfLogDeterminant(covariance, all)) / GaussianEntropy.Ln2;
    }

    internal static List<int>[] SamplesByClass(IReadOnlyList<int> labels, int classCount)
    {
        var members = new List<int>[classCount];
        for (int c = 0; c < classCount; c++) members[c] = [];
        for (int s = 0; s < labels.Count; s++)
        {
            int label = labels[s];
            if ((uint)label >= (uint)classCount)
                throw new ArgumentException($"Label {label} at sample {s} is outside 0..{classCount - 1}.", nameof(labels));
            members[label].Add(s);
        }
        return members;
    }

    /// <summary>The entropy of the selected dimensions without its constant term, in nats, bias-corrected on request.</summary>
    private static double Term(double[,] covariance, int[] dimensions, int n, bool biasCorrect)
    {
        double h = GaussianEntropy.HalfLogDeterminant(covariance, dimensions);
        return biasCorrect ? h - GaussianEntropy.BiasNats(n, dimensions.Length) : h;
    }

    private static int[] Range(int start, int count) => Enumerable.Range(start, count).ToArray();
}
