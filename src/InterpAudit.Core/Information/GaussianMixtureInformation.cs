namespace InterpAudit.Information;

/// <summary>
/// Information between continuous X and a class label from a Gaussian mixture, in bits (Ince et al.
/// 2017, reference code <c>mi_mixture_gd</c> / <c>gcmi_mixture_cd</c>): one Gaussian per class, fitted
/// to that class's samples, and
/// <c>I = H(Σ_y w_y N(m_y, C_y)) − Σ_y w_y H(N(m_y, C_y))</c>, <c>w_y = N_y / N</c>.
/// The mixture's entropy has no closed form; it is approximated by the unscented transform of Huber,
/// Bailey, Durrant-Whyte and Hanebeck, "On entropy approximation for Gaussian mixture random vectors"
/// (MFI 2008, eq. 10–11): <c>H ≈ −Σ_y w_y (1/2d) Σ_{i=1..d} [ln p(m_y + √d·l_{y,i}) + ln p(m_y − √d·l_{y,i})]</c>,
/// where <c>l_{y,i}</c> is column i of the lower Cholesky factor L_y (<c>L_y L_yᵀ = C_y</c>) and p the
/// mixture density.
/// <para>
/// <b>Sigma points.</b> They must be columns of L (the MATLAB original's <c>√d·chol(C)′</c>). gcmi's
/// Python port uses <c>scale * class_chol.T</c>, the columns of Lᵀ, i.e. the rows of L; those do not
/// have covariance C in more than one dimension, and on one strongly correlated class (truth 0) it
/// returns tens of bits. With the columns of L, (x − m_y)ᵀC_y⁻¹(x − m_y) = d at every point of class y,
/// so the transform is exact for ln N(x; m_y, C_y), a quadratic.
/// </para>
/// <para>
/// <b>Why the estimate cannot exceed H(Y).</b> At each of class y's points the mixture density is at
/// least its own term, <c>p(x) ≥ w_y N(x; m_y, C_y)</c>, so the transform's mixture entropy is at most
/// <c>−Σ w_y ln w_y + Σ w_y H_y</c> (the own-class term being exact, above), and
/// <c>I ≤ −Σ w_y log₂ w_y = H(Y)</c>, the plug-in entropy of the class frequencies. In exact arithmetic
/// this holds with equality as the only limit; in float64 the difference of two entropies of a few
/// tens of nats loses at most ~1e-13 bits, so <see cref="EntropyTolerance"/> = 1e-9 bits is a safe stated
/// margin. The bound is on the estimator, not on the true I(X;Y): the estimate's error against the
/// truth is the transform's approximation error plus that of the Gaussian fit per class. The transform
/// is exact for one class and for classes far apart; for overlapping classes (means one to two standard
/// deviations apart) it fell short of numerical integration by up to about 0.1 bits in the tests
/// (GaussianMixtureInformationTests allow 0.15), so the figure is not a strict lower bound either.
/// One class gives exactly 0 (the mixture is that Gaussian).
/// </para>
/// <para>
/// <b>No bias correction</b> (as the reference code: the mixture entropy has no analytic correction).
/// With well-separated classes no correction is needed (the estimate tends to H(Y) at any N); with
/// overlapping classes the estimate is biased upward by roughly the model-comparison bias
/// <c>[B(N,d) − Σ w_y B(N_y,d)]/ln 2</c>, about 0.4 bits for d = 16 and 10 classes of 200 samples:
/// compare figures of equal N, d and class sizes (layers of one audit, runs against a baseline).
/// </para>
/// <para>
/// Classes without samples have weight 0 and drop out; every other class needs more samples than X
/// has dimensions. Float64 throughout; one pass over the samples gathers each class's sums, so the cost
/// is O(N d² + K² d³) for K classes, whatever N.
/// </para>
/// </summary>
internal static class GaussianMixtureInformation
{
    /// <summary>
    /// How far above H(Y) (bits) a result may lie through rounding alone; see the class remarks.
    /// </summary>
    public const double EntropyTolerance = 1e-9;

    /// <summary>The estimate from samples: one Gaussian (mean, covariance with N_y − 1) per class present.</summary>
    /// <param name="x">d rows of N samples.</param>
    /// <param name="labels">One class label per sample, in 0..<paramref name="classCount"/>−1.</param>
    public static double WithLabels(IReadOnlyList<double[]> x, IReadOnlyList<int> labels, int classCount)
    {
        int d = x.Count, n = labels.Count;
        if (d == 0) return 0;
        if (GaussianEntropy.SampleCount(x) != n)
            throw new ArgumentException($"Expected one label per sample ({GaussianEntropy.SampleCount(x)}), found {n}.", nameof(labels));
        var counts = new int[classCount];
        var sums = new double[classCount][];
        var products = new double[classCount][,];
        for (int c = 0; c < classCount; c++)
        {
            sums[c] = new double[d];
            products[c] = new double[d, d];
        }
        // First pass: class means (a centred second pass keeps the covariance accurate for any offset).
        var point = new double[d];
        for (int s = 0; s < n; s++)
        {
            int label = labels[s];
            if ((uint)label >= (uint)classCount)
                throw new ArgumentException($"Label {label} at sample {s} is outside 0..{classCount - 1}.", nameof(labels));
            counts[label]++;
            for (int i = 0; i < d; i++) sums[label][i] += x[i][s];
        }
        for (int c = 0; c < classCount; c++)
            for (int i = 0; i < d && counts[c] > 0; i++) sums[c][i] /= counts[c];
        for (int s = 0; s < n; s++)
        {
            int label = labels[s];
            double[] mean = sums[label];
            double[,] product = products[label];
            for (int i = 0; i < d; i++) point[i] = x[i][s] - mean[i];
            for (int i = 0; i < d; i++)
                for (int j = 0; j <= i; j++) product[i, j] += point[i] * point[j];
        }

        var weights = new List<double>();
        var means = new List<double[]>();
        var covariances = new List<double[,]>();
        for (int c = 0; c < classCount; c++)
        {
            if (counts[c] == 0) continue;
            if (counts[c] <= d)
                throw new ArgumentException($"Class {c} has {counts[c]} samples; a Gaussian fit of {d} dimension(s) needs more than {d}.", nameof(labels));
            var covariance = new double[d, d];
            for (int i = 0; i < d; i++)
                for (int j = 0; j <= i; j++) covariance[i, j] = covariance[j, i] = products[c][i, j] / (counts[c] - 1);
            weights.Add((double)counts[c] / n);
            means.Add(sums[c]);
            covariances.Add(covariance);
        }
        return FromComponents(weights, means, covariances);
    }

    /// <summary>
    /// The estimate for a given mixture: weights (summing to 1), means and covariances of its
    /// components. NaN when a covariance is not positive definite.
    /// </summary>
    public static double FromComponents(IReadOnlyList<double> weights, IReadOnlyList<double[]> means, IReadOnlyList<double[,]> covariances)
    {
        int classes = weights.Count;
        if (classes == 0) return 0;
        int d = means[0].Length;
        if (d == 0) return 0;
        var lower = new double[classes][,];
        var halfLogDet = new double[classes];
        for (int c = 0; c < classes; c++)
        {
            if (!TryCholesky(covariances[c], out lower[c], out halfLogDet[c])) return double.NaN;
        }
        double halfLog2Pi = 0.5 * Math.Log(2 * Math.PI);
        // ln N(x; m_c, C_c) = −½|L_c⁻¹(x − m_c)|² − ½ ln det C_c − (d/2) ln 2π
        double conditionalEntropy = 0; // Σ w_c H_c in nats
        for (int c = 0; c < classes; c++) conditionalEntropy += weights[c] * (halfLogDet[c] + d * (halfLog2Pi + 0.5));

        double scale = Math.Sqrt(d);
        var sigma = new double[d];
        var z = new double[d];
        var logTerms = new double[classes];
        double mixtureEntropy = 0;
        for (int y = 0; y < classes; y++)
        {
            if (weights[y] == 0) continue;
            double sumLogDensity = 0;
            for (int i = 0; i < d; i++)
            {
                for (int sign = -1; sign <= 1; sign += 2)
                {
                    // Sigma point m_y ± √d · (column i of L_y).
                    for (int r = 0; r < d; r++) sigma[r] = means[y][r] + sign * scale * lower[y][r, i];
                    for (int c = 0; c < classes; c++)
                    {
                        if (weights[c] == 0)
                        {
                            logTerms[c] = double.NegativeInfinity;
                            continue;
                        }
                        double squared = SolveLowerSquaredNorm(lower[c], sigma, means[c], z);
                        logTerms[c] = Math.Log(weights[c]) - 0.5 * squared - halfLogDet[c] - d * halfLog2Pi;
                    }
                    sumLogDensity += LogSumExp(logTerms);
                }
            }
            mixtureEntropy -= weights[y] * sumLogDensity / (2 * d);
        }
        return (mixtureEntropy - conditionalEntropy) / GaussianEntropy.Ln2;
    }

    /// <summary>H(Y) in bits: the plug-in entropy of the class frequencies, the estimate's upper limit.</summary>
    public static double LabelEntropyBits(IReadOnlyList<int> classCounts)
    {
        double n = classCounts.Sum();
        double h = 0;
        foreach (int count in classCounts)
            if (count > 0) h -= count / n * Math.Log2(count / n);
        return h;
    }

    /// <summary>|L⁻¹(x − m)|² by forward substitution.</summary>
    private static double SolveLowerSquaredNorm(double[,] lower, double[] x, double[] mean, double[] z)
    {
        int d = x.Length;
        double squared = 0;
        for (int i = 0; i < d; i++)
        {
            double value = x[i] - mean[i];
            for (int k = 0; k < i; k++) value -= lower[i, k] * z[k];
            z[i] = value / lower[i, i];
            squared += z[i] * z[i];
        }
        return squared;
    }

    /// <summary>ln Σ exp(a_c), shifted by the largest term so that far-away classes underflow harmlessly.</summary>
    private static double LogSumExp(double[] terms)
    {
        double max = double.NegativeInfinity;
        foreach (double t in terms) max = Math.Max(max, t);
        if (double.IsNegativeInfinity(max)) return max;
        double sum = 0;
        foreach (double t in terms) sum += Math.Exp(t - max);
        return max + Math.Log(sum);
    }

    /// <summary>The lower Cholesky factor and ½ ln det; false when not positive definite.</summary>
    private static bool TryCholesky(double[,] a, out double[,] l, out double halfLogDet)
    {
        int d = a.GetLength(0);
        l = new double[d, d];
        halfLogDet = 0;
        for (int j = 0; j < d; j++)
        {
            double diagonal = a[j, j];
            for (int k = 0; k < j; k++) diagonal -= l[j, k] * l[j, k];
            if (!(diagonal > 0)) return false;
            l[j, j] = Math.Sqrt(diagonal);
            halfLogDet += Math.Log(l[j, j]);
            for (int i = j + 1; i < d; i++)
            {
                double sum = a[i, j];
                for (int k = 0; k < j; k++) sum -= l[i, k] * l[j, k];
                l[i, j] = sum / l[j, j];
            }
        }
        return true;
    }
}
