namespace InterpAudit.Information;

/// <summary>
/// Gaussian-copula mutual information (GCMI; Ince et al. 2017; spec mi.md, "Gaussian-copula MI"):
/// copula-normalise every dimension (<see cref="CopulaNormalization"/>, ties broken at random with a
/// generator seeded from <c>seed</c>), then apply the Gaussian estimator of
/// <see cref="GaussianMutualInformation"/>. The result is a lower bound on the true information that
/// does not depend on the marginal distributions (it is invariant to monotone maps of each dimension).
/// </summary>
internal static class GaussianCopulaMutualInformation
{
    /// <summary><c>gcmi_cc</c>: information between two continuous variables, in bits.</summary>
    public static double Between(IReadOnlyList<double[]> x, IReadOnlyList<double[]> y, int seed, bool biasCorrect = true) =>
        GaussianMutualInformation.Between(Normalize(x, seed, "x"), Normalize(y, seed, "y"), biasCorrect);

    /// <summary>One-dimensional convenience overload of <see cref="Between(IReadOnlyList{double[]}, IReadOnlyList{double[]}, int, bool)"/>.</summary>
    public static double Between(double[] x, double[] y, int seed, bool biasCorrect = true) => Between([x], [y], seed, biasCorrect);

    /// <summary><c>gccmi_ccc</c>: information between X and Y given Z, in bits.</summary>
    public static double Conditional(IReadOnlyList<double[]> x, IReadOnlyList<double[]> y, IReadOnlyList<double[]> z, int seed, bool biasCorrect = true) =>
        GaussianMutualInformation.Conditional(Normalize(x, seed, "x"), Normalize(y, seed, "y"), Normalize(z, seed, "z"), biasCorrect);

    /// <summary>
    /// <c>gcmi_model_cd</c>: information between continuous X and class labels, in bits. X is
    /// copula-normalised over all samples (not per class) and then compared by model comparison.
    /// </summary>
    public static double WithLabels(IReadOnlyList<double[]> x, IReadOnlyList<int> labels, int classCount, int seed, bool biasCorrect = true) =>
        GaussianMutualInformation.WithLabels(Normalize(x, seed, "x"), labels, classCount, biasCorrect);

    /// <summary>
    /// The Gaussian-mixture counterpart of <c>gcmi_mixture_cd</c>, in bits: X copula-normalised over all
    /// samples (as above), then one Gaussian per class in copula space and the mixture's entropy by the
    /// unscented transform (<see cref="GaussianMixtureInformation"/>). Unlike
    /// <see cref="WithLabels"/> it never exceeds H(Y) (beyond <see cref="GaussianMixtureInformation.EntropyTolerance"/>),
    /// and, the copula step depending on ranks only, it is invariant to per-dimension increasing maps.
    /// The reference code refits each class robustly (per-class copula, median and MAD) because it works
    /// on raw data; after the global copula step the values are bounded normal scores with no outliers,
    /// so the class's sample mean and covariance are used.
    /// </summary>
    public static double MixtureWithLabels(IReadOnlyList<double[]> x, IReadOnlyList<int> labels, int classCount, int seed) =>
        GaussianMixtureInformation.WithLabels(Normalize(x, seed, "x"), labels, classCount);

    /// <summary>Copula-normalises each row with its own tie-breaking stream.</summary>
    public static double[][] Normalize(IReadOnlyList<double[]> rows, int seed, string stream)
    {
        var result = new double[rows.Count][];
        double[]? scores = null;
        for (int i = 0; i < rows.Count; i++)
        {
            if (scores is null || scores.Length != rows[i].Length) scores = CopulaNormalization.NormalScores(rows[i].Length);
            result[i] = CopulaNormalization.Transform(rows[i], new Random(SeedDerivation.Derive(seed, "copula:" + stream, i)), scores);
        }
        return result;
    }
}
