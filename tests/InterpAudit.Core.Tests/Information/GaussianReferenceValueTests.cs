using InterpAudit.Information;

namespace InterpAudit.Tests.Information;

/// <summary>
/// The fixed reference values of spec mi.md ("Reference values for tests"): exact inputs, so the
/// tolerance is 1e-9 bits (the spec quotes ten decimals).
/// </summary>
public sealed class GaussianReferenceValueTests
{
    private const double Exact = 1e-9;
    private static readonly double[] X = [1, 2, -1, 0.5, 3, -2, 0, 1.5];
    private static readonly double[] Y = [0.5, -0.5, 1.5, 0, 2.5, -1, 0.2, 1];
    private static readonly double[] Z = [2, 0, 1, 3, -1, 0.5, 1.2, -0.3];

    [Theory]
    [InlineData(100, 1, -0.0073108707)]
    [InlineData(100, 2, -0.0220199830)]
    [InlineData(100, 3, -0.0442039985)]
    [InlineData(1000, 1, -0.0007223105)]
    [InlineData(20, 1, -0.0386309890)]
    public void Bias_term_in_bits_matches_the_spec(int n, int d, double expectedBits) =>
        Assert.Equal(expectedBits, GaussianEntropy.BiasNats(n, d) / Math.Log(2), Exact);

    [Fact]
    public void Standard_normal_entropy_is_half_log2_of_2_pi_e()
    {
        // Sample variance exactly 1 (with the N − 1 denominator): the plug-in entropy is that of N(0, 1).
        double[] unitVariance = [Math.Sqrt(0.5), -Math.Sqrt(0.5)];
        Assert.Equal(2.0470956, GaussianEntropy.Bits([unitVariance], biasCorrect: false), 1e-7);
        Assert.Equal(0.5 * Math.Log2(2 * Math.PI * Math.E), GaussianEntropy.Bits([unitVariance], biasCorrect: false), 12);
    }

    [Fact]
    public void Entropy_of_the_fixed_vector()
    {
        Assert.Equal(2.8511724502, GaussianEntropy.Bits([X]), Exact);
        Assert.Equal(2.7432542966, GaussianEntropy.Bits([X], biasCorrect: false), Exact);
    }

    [Fact]
    public void Gaussian_information_of_the_fixed_vectors()
    {
        Assert.Equal(0.2078437429, GaussianMutualInformation.Between(X, Y, biasCorrect: false), Exact);
        Assert.Equal(0.0777326275, GaussianMutualInformation.Between(X, Y), Exact);
    }

    [Fact]
    public void Copula_information_of_the_fixed_vectors() =>
        Assert.Equal(0.0485706795, GaussianCopulaMutualInformation.Between(X, Y, seed: 0), Exact);

    /// <summary>
    /// The spec lists cmi(x,y|z) among the copula values: −0.0646862641 is the conditional information of
    /// the copula-normalised vectors (gcmi's <c>gccmi_ccc</c>); on the raw vectors it is −0.0275.
    /// </summary>
    [Fact]
    public void Conditional_information_of_the_fixed_vectors() =>
        Assert.Equal(-0.0646862641, GaussianCopulaMutualInformation.Conditional([X], [Y], [Z], seed: 0), Exact);

    /// <summary>Chain rule I(X;Y|Z) = I(X;Y,Z) − I(X;Z): exact for the plug-in and the corrected estimates alike.</summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Conditional_information_obeys_the_chain_rule(bool biasCorrect)
    {
        double conditional = GaussianMutualInformation.Conditional([X], [Y], [Z], biasCorrect);
        double chain = GaussianMutualInformation.Between([X], [Y, Z], biasCorrect) - GaussianMutualInformation.Between([X], [Z], biasCorrect);
        Assert.Equal(chain, conditional, 1e-12);
        Assert.NotEqual(0, conditional, 3);
    }

    [Fact]
    public void Copula_information_of_a_two_dimensional_variable() =>
        Assert.Equal(-0.0474083694, GaussianCopulaMutualInformation.Between([X, Y], [Z], seed: 0), Exact);

    [Fact]
    public void Copula_normalisation_of_three_values()
    {
        double[] z = CopulaNormalization.Transform([3, 1, 2], new Random(0));
        Assert.Equal(0.6744897501960817, z[0], Exact);
        Assert.Equal(-0.6744897501960817, z[1], Exact);
        Assert.Equal(0, z[2], Exact);
        Assert.Equal(0.6744898, z[0], 1e-7);
    }

    [Fact]
    public void Model_comparison_information_with_labels()
    {
        double[] xx = [0, 1, 2, 0.5, 1.5, 2.5, 3, 4];
        int[] labels = [0, 0, 0, 0, 1, 1, 1, 1];
        Assert.Equal(0.3364079120, GaussianCopulaMutualInformation.WithLabels([xx], labels, 2, seed: 0), Exact);
        Assert.Equal(0.4946490565, GaussianCopulaMutualInformation.WithLabels([xx], labels, 2, seed: 0, biasCorrect: false), Exact);
    }
}
