using InterpAudit.Statistics;

namespace InterpAudit.Tests.Statistics;

public sealed class AdjustedRandIndexTests
{
    [Fact]
    public void The_same_partition_under_other_label_names_scores_one()
    {
        Assert.Equal(1.0, AdjustedRandIndex.Of([0, 0, 1, 1, 2, 2], [5, 5, 3, 3, 9, 9]), 12);
    }

    [Theory]
    // Reference values from scikit-learn's adjusted_rand_score documentation.
    [InlineData(new[] { 0, 0, 1, 1 }, new[] { 0, 0, 1, 2 }, 0.5714285714285715)]
    [InlineData(new[] { 0, 0, 1, 2 }, new[] { 0, 0, 1, 1 }, 0.5714285714285715)]
    [InlineData(new[] { 0, 0, 1, 1 }, new[] { 0, 1, 0, 1 }, -0.5)]
    [InlineData(new[] { 0, 0, 0, 0 }, new[] { 0, 1, 2, 3 }, 0.0)]
    public void Known_values(int[] a, int[] b, double expected)
    {
        Assert.Equal(expected, AdjustedRandIndex.Of(a, b), 12);
    }
}
