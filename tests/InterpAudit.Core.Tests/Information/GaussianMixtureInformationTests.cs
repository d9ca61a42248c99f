using InterpAudit.Information;

namespace InterpAudit.Tests.Information;

/// <summary>
/// The Gaussian-mixture label information against what can be derived without it: one class (0),
/// classes far apart (H(Y)), 1-D and 2-D mixtures whose information is integrated numerically here,
/// invariance under increasing maps, and the ceiling H(Y).
/// </summary>
public sealed class GaussianMixtureInformationTests
{
    /// <summary>
    /// The unscented transform approximates the mixture's entropy with 2d points per component, exact
    /// only for a single Gaussian or components far apart. For the overlapping two-component mixtures
    /// below (means 0.5 to 2 standard deviations apart, unequal widths) it falls short of the quadrature
    /// by up to about 0.1 bits (the estimate is then below the truth); 0.15 bits is the stated allowance.
    /// It is the approximation's error, which <see cref="GaussianMixtureInformation"/> documents, not a
    /// fit to the code's output: the truth comes from the quadrature written here.
    /// </summary>
    private const double TransformError = 0.15;

    private static readonly double[,] StrongCorrelation =
    {
        { 1.0, 0.95, 0.9, 0.85 },
        { 0.95, 1.0, 0.95, 0.9 },
        { 0.9, 0.95, 1.0, 0.95 },
        { 0.85, 0.9, 0.95, 1.0 },
    };

    [Fact]
    public void One_class_carries_no_information_even_when_strongly_correlated()
    {
        double exact = GaussianMixtureInformation.FromComponents([1.0], [[0.3, -1, 2, 0]], [StrongCorrelation]);
        Assert.Equal(0, exact, 12);

        double[][] x = GaussianSamples.Draw(StrongCorrelation, 500, new Random(1));
        int[] oneClass = new int[500];
        Assert.Equal(0, GaussianMixtureInformation.WithLabels(x, oneClass, 1), 12);
        // A second, empty class has weight 0 and changes nothing.
        Assert.Equal(0, GaussianMixtureInformation.WithLabels(x, oneClass, 2), 12);
    }

    /// <summary>
    /// The trap in gcmi's Python port: sigma points from the columns of Lᵀ (rows of L) instead of L.
    /// Done here by hand on one correlated class, it is far from 0, so the test above can fail.
    /// </summary>
    [Fact]
    public void Sigma_points_from_the_rows_of_the_cholesky_factor_would_find_information_in_one_class()
    {
        int d = StrongCorrelation.GetLength(0);
        double[,] l = GaussianSamples.Cholesky(StrongCorrelation);
        double ownTerm = 0; // mean over the wrong points of the Mahalanobis norm, which must be d
        for (int i = 0; i < d; i++)
        {
            var point = new double[d];
            for (int r = 0; r < d; r++) point[r] = Math.Sqrt(d) * l[i, r]; // row i of L
            ownTerm += SquaredMahalanobis(l, point);
        }
        ownTerm /= d;
        // I = (Hmix − H) = ½(mean quadratic form − d) nats for one class: positive and large.
        double wrongBits = 0.5 * (ownTerm - d) / Math.Log(2);
        Assert.True(wrongBits > 1, $"{wrongBits} bits");
    }

    [Fact]
    public void Classes_far_apart_carry_the_label_entropy()
    {
        double entropy = -(0.3 * Math.Log2(0.3) + 0.7 * Math.Log2(0.7));
        double bits = GaussianMixtureInformation.FromComponents([0.3, 0.7], [[0.0, 0.0], [1e3, -1e3]],
            [new double[,] { { 1, 0.8 }, { 0.8, 1 } }, new double[,] { { 2, -0.5 }, { -0.5, 1 } }]);
        Assert.Equal(entropy, bits, 9);

        // From samples: ten classes of unequal sizes, 50 standard deviations apart in 3 dimensions.
        var random = new Random(2);
        int[] sizes = [40, 50, 60, 70, 80, 90, 100, 110, 120, 130];
        int[] labels = sizes.SelectMany((size, c) => Enumerable.Repeat(c, size)).ToArray();
        double[][] x = Enumerable.Range(0, 3).Select(i => labels.Select(c => 50.0 * c * (i + 1) + Normal(random)).ToArray()).ToArray();
        double plugIn = GaussianMixtureInformation.LabelEntropyBits(sizes);
        Assert.Equal(-sizes.Sum(s => s / 850.0 * Math.Log2(s / 850.0)), plugIn, 12);
        Assert.Equal(plugIn, GaussianMixtureInformation.WithLabels(x, labels, 10), 9);
    }

    [Theory]
    [InlineData(0.5, -1.0, 1.0, 1.0, 1.0)]
    [InlineData(0.3, 0.0, 1.5, 1.0, 0.5)]
    [InlineData(0.5, 0.0, 0.5, 1.0, 1.0)]
    public void A_one_dimensional_mixture_agrees_with_quadrature(double w0, double m0, double m1, double s0, double s1)
    {
        double[] w = [w0, 1 - w0], m = [m0, m1], s = [s0, s1];
        double Density(double x) => w[0] * Gauss(x, m[0], s[0]) + w[1] * Gauss(x, m[1], s[1]);
        // Composite Simpson's rule on [−20, 20]: the integrand is smooth and negligible beyond.
        int intervals = 40_000;
        double a = -20, h = 40.0 / intervals, mixture = 0;
        for (int i = 0; i <= intervals; i++)
        {
            double p = Density(a + i * h);
            double f = p > 0 ? -p * Math.Log(p) : 0;
            mixture += f * (i == 0 || i == intervals ? 1 : i % 2 == 1 ? 4 : 2);
        }
        mixture *= h / 3;
        double conditional = w[0] * GaussianNats(s[0]) + w[1] * GaussianNats(s[1]);
        double truth = (mixture - conditional) / Math.Log(2);

        double exact = GaussianMixtureInformation.FromComponents(w, [[m[0]], [m[1]]],
            [new double[,] { { s[0] * s[0] } }, new double[,] { { s[1] * s[1] } }]);
        Assert.InRange(exact, truth - TransformError, truth + TransformError);

        // From 40,000 samples the class fits are close to exact: the sampling error (about 0.005 bits
        // here) adds to the transform's.
        var random = new Random(3);
        int n = 40_000;
        int[] labels = Enumerable.Range(0, n).Select(i => i < w0 * n ? 0 : 1).ToArray();
        double[] x = labels.Select(y => m[y] + s[y] * Normal(random)).ToArray();
        double sampled = GaussianMixtureInformation.WithLabels([x], labels, 2);
        Assert.InRange(sampled, truth - TransformError - 0.02, truth + TransformError + 0.02);
    }

    [Fact]
    public void A_two_dimensional_mixture_agrees_with_quadrature()
    {
        double[] w = [0.4, 0.6];
        double[][] means = [[0.0, 0.0], [1.2, -0.8]];
        double[][,] covariances = [new double[,] { { 1.0, 0.6 }, { 0.6, 1.0 } }, new double[,] { { 0.7, -0.3 }, { -0.3, 1.5 } }];
        // Trapezoidal rule on a square grid: spectrally accurate for smooth, fast-decaying integrands.
        double h = 0.02, limit = 12, mixture = 0;
        int steps = (int)(2 * limit / h);
        for (int i = 0; i <= steps; i++)
        {
            double x = -limit + i * h;
            for (int j = 0; j <= steps; j++)
            {
                double y = -limit + j * h;
                double p = w[0] * Gauss2(x, y, means[0], covariances[0]) + w[1] * Gauss2(x, y, means[1], covariances[1]);
                if (p > 0) mixture -= p * Math.Log(p);
            }
        }
        mixture *= h * h;
        double conditional = 0;
        for (int c = 0; c < 2; c++)
        {
            double det = covariances[c][0, 0] * covariances[c][1, 1] - covariances[c][0, 1] * covariances[c][1, 0];
            conditional += w[c] * (1 + Math.Log(2 * Math.PI) + 0.5 * Math.Log(det));
        }
        double truth = (mixture - conditional) / Math.Log(2);
        Assert.InRange(truth, 0.05, 0.95); // the case is neither trivial nor saturated

        double estimate = GaussianMixtureInformation.FromComponents(w, means, covariances);
        Assert.InRange(estimate, truth - TransformError, truth + TransformError);
    }

    [Fact]
    public void The_copula_estimate_is_invariant_to_increasing_maps_of_each_dimension()
    {
        var random = new Random(4);
        int n = 600;
        int[] labels = Enumerable.Range(0, n).Select(i => i % 3).ToArray();
        double[][] x = GaussianSamples.Draw(new double[,] { { 1, 0.5 }, { 0.5, 1 } }, n, random);
        for (int s = 0; s < n; s++) x[0][s] += 0.8 * labels[s];
        double[][] mapped = [x[0].Select(Math.Exp).ToArray(), x[1].Select(v => v * v * v + v).ToArray()];

        double original = GaussianCopulaMutualInformation.MixtureWithLabels(x, labels, 3, seed: 9);
        Assert.Equal(original, GaussianCopulaMutualInformation.MixtureWithLabels(mapped, labels, 3, seed: 9), 12);
        Assert.True(original > 0.1, $"{original} bits");
    }

    /// <summary>
    /// Random mixtures and random samples: correlated, unbalanced, overlapping or separated, 1 to 6
    /// dimensions, 2 to 10 classes. None may exceed H(Y) by more than the stated rounding tolerance.
    /// </summary>
    [Fact]
    public void No_estimate_exceeds_the_label_entropy()
    {
        var random = new Random(5);
        for (int trial = 0; trial < 200; trial++)
        {
            int d = 1 + random.Next(6), classes = 2 + random.Next(9);
            double spread = random.NextDouble() < 0.5 ? 0.3 : 6;
            double[] raw = Enumerable.Range(0, classes).Select(_ => 0.05 + random.NextDouble()).ToArray();
            double[] w = raw.Select(v => v / raw.Sum()).ToArray();
            double[][] means = Enumerable.Range(0, classes).Select(_ => Enumerable.Range(0, d).Select(_ => spread * Normal(random)).ToArray()).ToArray();
            double[][,] covariances = Enumerable.Range(0, classes).Select(_ => RandomCovariance(d, random)).ToArray();
            double entropy = -w.Sum(p => p * Math.Log2(p));
            double bits = GaussianMixtureInformation.FromComponents(w, means, covariances);
            Assert.True(bits <= entropy + GaussianMixtureInformation.EntropyTolerance, $"trial {trial}: {bits} > H(Y) = {entropy}");

            int n = 40 * classes;
            int[] labels = Enumerable.Range(0, n).Select(i => i % classes).ToArray();
            double[][] x = Enumerable.Range(0, d).Select(i => labels.Select(c => means[c][i] * (i + 1) + Normal(random)).ToArray()).ToArray();
            double sampled = GaussianMixtureInformation.WithLabels(x, labels, classes);
            Assert.True(sampled <= Math.Log2(classes) + GaussianMixtureInformation.EntropyTolerance, $"trial {trial}: {sampled}");
        }
    }

    private static double[,] RandomCovariance(int d, Random random)
    {
        // A Aᵀ + 0.1 I: positive definite, with random correlations.
        var a = new double[d, d];
        for (int i = 0; i < d; i++)
            for (int j = 0; j < d; j++) a[i, j] = Normal(random);
        var c = new double[d, d];
        for (int i = 0; i < d; i++)
            for (int j = 0; j < d; j++)
            {
                double sum = i == j ? 0.1 : 0;
                for (int k = 0; k < d; k++) sum += a[i, k] * a[j, k];
                c[i, j] = sum;
            }
        return c;
    }

    private static double Gauss(double x, double mean, double sd) =>
        Math.Exp(-0.5 * (x - mean) * (x - mean) / (sd * sd)) / (sd * Math.Sqrt(2 * Math.PI));

    private static double Gauss2(double x, double y, double[] mean, double[,] c)
    {
        double det = c[0, 0] * c[1, 1] - c[0, 1] * c[1, 0];
        double dx = x - mean[0], dy = y - mean[1];
        double q = (c[1, 1] * dx * dx - 2 * c[0, 1] * dx * dy + c[0, 0] * dy * dy) / det;
        return Math.Exp(-0.5 * q) / (2 * Math.PI * Math.Sqrt(det));
    }

    /// <summary>½ ln(2πe σ²), the entropy of N(·, σ²) in nats.</summary>
    private static double GaussianNats(double sd) => 0.5 * Math.Log(2 * Math.PI * Math.E * sd * sd);

    /// <summary>xᵀ(L Lᵀ)⁻¹x = |L⁻¹x|².</summary>
    private static double SquaredMahalanobis(double[,] l, double[] x)
    {
        int d = x.Length;
        var z = new double[d];
        double sum = 0;
        for (int i = 0; i < d; i++)
        {
            double v = x[i];
            for (int k = 0; k < i; k++) v -= l[i, k] * z[k];
            z[i] = v / l[i, i];
            sum += z[i] * z[i];
        }
        return sum;
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
