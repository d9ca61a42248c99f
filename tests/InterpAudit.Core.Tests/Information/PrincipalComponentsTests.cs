using InterpAudit.Information;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;

namespace InterpAudit.Tests.Information;

/// <summary>
/// The layer reduction's own products against MathNet's (the implementation they replaced, #18) and
/// against a closed form.
/// </summary>
public sealed class PrincipalComponentsTests
{
    [Fact]
    public void Scores_agree_with_MathNets_products()
    {
        var random = new Random(8);
        // 24 correlated units of 500 samples: a few shared factors plus noise, as a layer's units are.
        double[][] factors = Enumerable.Range(0, 4).Select(_ => Enumerable.Range(0, 500).Select(_ => random.NextDouble() * 2 - 1).ToArray()).ToArray();
        double[][] rows = Enumerable.Range(0, 24).Select(u => Enumerable.Range(0, 500)
            .Select(s => (u % 4 + 1) * factors[u % 4][s] + 0.3 * factors[(u + 1) % 4][s] + 0.1 * (random.NextDouble() - 0.5)).ToArray()).ToArray();

        double[][] scores = PrincipalComponents.Project(rows, 6);
        double[][] reference = MathNetProjection(rows, 6);

        Assert.Equal(6, scores.Length);
        for (int c = 0; c < 6; c++)
            for (int s = 0; s < 500; s++)
                Assert.Equal(reference[c][s], scores[c][s], 1e-9);
    }

    [Fact]
    public void Two_proportional_units_have_one_component_along_their_common_direction()
    {
        var random = new Random(2);
        double[] u = Enumerable.Range(0, 200).Select(_ => random.NextDouble()).ToArray();
        double mean = u.Average();
        // x = u, y = 2u: the leading direction is (1, 2)/√5, so its score is √5 (u − ū).
        double[][] scores = PrincipalComponents.Project([u, u.Select(v => 2 * v).ToArray()], 1);
        for (int s = 0; s < u.Length; s++) Assert.Equal(Math.Sqrt(5) * (u[s] - mean), scores[0][s], 1e-12);
    }

    /// <summary>The same definition through MathNet's matrix products, as the reduction was computed before.</summary>
    private static double[][] MathNetProjection(IReadOnlyList<double[]> rows, int count)
    {
        int n = rows[0].Length;
        Matrix<double> data = DenseMatrix.OfColumnArrays(rows.Select(row => row.Select(v => v - row.Average()).ToArray()));
        var eigen = (data.TransposeThisAndMultiply(data) / (n - 1)).Evd(Symmetricity.Symmetric);
        int[] leading = Enumerable.Range(0, rows.Count).OrderByDescending(i => eigen.EigenValues[i].Real).ThenBy(i => i).Take(count).ToArray();
        return leading.Select(i =>
        {
            Vector<double> direction = eigen.EigenVectors.Column(i);
            if (direction[direction.AbsoluteMaximumIndex()] < 0) direction = -direction;
            return (data * direction).ToArray();
        }).ToArray();
    }
}
