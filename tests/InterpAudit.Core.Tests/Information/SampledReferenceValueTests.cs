using InterpAudit.Information;

namespace InterpAudit.Tests.Information;

/// <summary>
/// The sampled reference values of spec mi.md: estimates from seeded Gaussian samples must land within
/// about two standard errors of the exact value; exact Gaussian values are checked in closed form.
/// </summary>
public sealed class SampledReferenceValueTests
{
    private const int N = 2000;

    /// <summary>Asymptotic standard error of −½ log₂(1 − ρ̂²) (delta method, Var ρ̂ ≈ (1 − ρ²)²/N).</summary>
    private static double StandardError(double rho, int n) => rho / (Math.Log(2) * Math.Sqrt(n));

    private static (double[] X, double[] Y) Bivariate(double rho) =>
        GaussianSamples.Draw(new[,] { { 1, rho }, { rho, 1 } }, N, new Random(1)) is var rows ? (rows[0], rows[1]) : default;

    [Theory]
    [InlineData(0.3, 0.068031)]
    [InlineData(0.5, 0.207519)]
    [InlineData(0.9, 1.197964)]
    [InlineData(0.99, 2.825544)]
    public void Bivariate_gaussian_information_is_within_two_standard_errors(double rho, double expected)
    {
        Assert.Equal(-0.5 * Math.Log2(1 - rho * rho), expected, 6);
        (double[] x, double[] y) = Bivariate(rho);
        Assert.InRange(GaussianMutualInformation.Between(x, y), expected - 2 * StandardError(rho, N), expected + 2 * StandardError(rho, N));
    }

    [Theory]
    [InlineData(0.3, 0.068031)]
    [InlineData(0.5, 0.207519)]
    [InlineData(0.9, 1.197964)]
    [InlineData(0.99, 2.825544)]
    public void Copula_information_is_invariant_to_monotone_maps(double rho, double expected)
    {
        (double[] x, double[] y) = Bivariate(rho);
        double[] expX = x.Select(Math.Exp).ToArray(), cubeY = y.Select(v => v * v * v).ToArray();

        double mapped = GaussianCopulaMutualInformation.Between(expX, cubeY, seed: 3);
        Assert.InRange(mapped, expected - 2 * StandardError(rho, N), expected + 2 * StandardError(rho, N));
        // The maps keep every rank, so the copula-normalised data, hence the estimate, are identical.
        Assert.Equal(GaussianCopulaMutualInformation.Between(x, y, seed: 3), mapped, 12);
    }

    [Fact]
    public void Without_copula_normalisation_the_monotone_maps_change_the_estimate()
    {
        (double[] x, double[] y) = Bivariate(0.9);
        double[] expX = x.Select(Math.Exp).ToArray(), cubeY = y.Select(v => v * v * v).ToArray();
        double plain = GaussianMutualInformation.Between(expX, cubeY);
        Assert.True(plain < 1.197964 - 4 * StandardError(0.9, N), $"mi_gg(exp X, Y³) = {plain}: the maps should hurt a Gaussian fit");
    }

    /// <summary>
    /// Spec: independent Gaussians, bias-corrected mean ≈ 0 (|mean| &lt; 0.001 over 4000 repeats at N = 100).
    /// The uncorrected mean is about 1/(2N ln 2) ≈ 0.007 bits, so the bound does discriminate.
    /// </summary>
    [Fact]
    public void Bias_corrected_information_of_independent_gaussians_averages_zero()
    {
        var random = new Random(7);
        double corrected = 0, uncorrected = 0;
        const int repeats = 4000;
        for (int r = 0; r < repeats; r++)
        {
            double[] x = GaussianSamples.Standard(100, random), y = GaussianSamples.Standard(100, random);
            corrected += GaussianMutualInformation.Between(x, y);
            uncorrected += GaussianMutualInformation.Between(x, y, biasCorrect: false);
        }
        Assert.InRange(corrected / repeats, -0.001, 0.001);
        Assert.True(uncorrected / repeats > 0.005, $"uncorrected mean {uncorrected / repeats}");
    }

    public static TheoryData<double, double, double, double, double, double, double, double, double, string> GaussianSystems => new()
    {
        // a = corr(X1,S), b = corr(X1,X2), c = corr(X2,S); then I1, I2, I12, coI, Red, Unq1, Unq2, Syn (spec, 4 decimals).
        { 0.5, 0, 0.5, 0.2075, 0.2075, 0.5000, -0.0850, 0.2075, 0.2925, "synergy" },
        { 0.5, 0.5, 0.5, 0.2075, 0.2075, 0.2925, 0.1226, 0.2075, 0.0850, "redundancy" },
        { 0.4, 0, 0.6, 0.1258, 0.3219, 0.5294, -0.0817, 0.1258, 0.2075, "synergy" },
    };

    private static double[,] SystemCovariance(double a, double b, double c) => new[,] { { 1, b, a }, { b, 1, c }, { a, c, 1 } };

    [Theory]
    [MemberData(nameof(GaussianSystems))]
    public void Mmi_decomposition_of_gaussian_systems_in_closed_form(double a, double b, double c,
        double i1, double i2, double i12, double coI, double red, double syn, string sign)
    {
        double[,] sigma = SystemCovariance(a, b, c);
        double informationA = GaussianMutualInformation.FromCovariance(new[,] { { 1, a }, { a, 1 } }, 1);
        double informationB = GaussianMutualInformation.FromCovariance(new[,] { { 1, c }, { c, 1 } }, 1);
        double informationJoint = GaussianMutualInformation.FromCovariance(sigma, 2);
        var pid = InformationDecomposition.FromMutualInformation(informationA, informationB, informationJoint);

        const double FourDecimals = 0.5e-4 + 1e-9;
        Assert.Equal(i1, pid.InformationA, FourDecimals);
        Assert.Equal(i2, pid.InformationB, FourDecimals);
        Assert.Equal(i12, pid.InformationJoint, FourDecimals);
        Assert.Equal(coI, pid.CoInformation, FourDecimals);
        Assert.Equal(red, pid.Redundancy, FourDecimals);
        Assert.Equal(syn, pid.Synergy, FourDecimals);
        Assert.Equal(i2 - red, pid.UniqueB, 2 * FourDecimals);
        Assert.Equal(0, pid.UniqueA, 2 * FourDecimals);
        Assert.Equal(sign, pid.CoInformationSign);
    }

    /// <summary>
    /// The same systems from seeded samples. Nine estimates are compared at once, so the bound is three
    /// standard errors of the mean of 20 replicates (two would fail about one run in three by chance).
    /// </summary>
    [Theory]
    [MemberData(nameof(GaussianSystems))]
    public void Mmi_decomposition_of_sampled_gaussian_systems(double a, double b, double c,
        double i1, double i2, double i12, double coI, double red, double syn, string sign)
    {
        double[,] sigma = SystemCovariance(a, b, c);
        double[] expected = [i1, i2, i12];
        const int replicates = 20;
        var estimates = new double[3][];
        for (int t = 0; t < 3; t++) estimates[t] = new double[replicates];
        var random = new Random(11);
        for (int r = 0; r < replicates; r++)
        {
            double[][] rows = GaussianSamples.Draw(sigma, N, random);
            estimates[0][r] = GaussianMutualInformation.Between([rows[0]], [rows[2]]);
            estimates[1][r] = GaussianMutualInformation.Between([rows[1]], [rows[2]]);
            estimates[2][r] = GaussianMutualInformation.Between([rows[0], rows[1]], [rows[2]]);
        }
        for (int t = 0; t < 3; t++)
        {
            double mean = estimates[t].Average();
            double standardError = Math.Sqrt(estimates[t].Sum(v => (v - mean) * (v - mean)) / (replicates - 1) / replicates);
            double bound = 3 * standardError + 0.5e-4; // plus the spec's rounding to four decimals
            Assert.InRange(mean, expected[t] - bound, expected[t] + bound);
        }
        var pid = InformationDecomposition.FromMutualInformation(estimates[0].Average(), estimates[1].Average(), estimates[2].Average());
        Assert.Equal(sign, pid.CoInformationSign);
        Assert.Equal(red, pid.Redundancy, 0.02);
        Assert.Equal(syn, pid.Synergy, 0.02);
        Assert.Equal(coI, pid.CoInformation, 0.02);
    }
}
