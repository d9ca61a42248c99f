using InterpAudit.Ablation;

namespace InterpAudit.Tests.Ablation;

public sealed class SpecializationTests
{
    [Theory]
    [InlineData(new[] { -0.5, 0.0, 0.0 }, 1.0)]
    [InlineData(new[] { -0.3, 0.1, 0.0, 0.0 }, 0.75)]            // 0.3 / 0.4; an improvement counts by its size
    [InlineData(new[] { -0.2, -0.2, -0.2, -0.2 }, 0.25)]
    [InlineData(new[] { 0.0, 0.0, 0.0, 0.0, 0.0 }, 0.2)]          // 0/0: no effect, no specialisation (1/classes)
    [InlineData(new[] { -0.4, double.NaN, 0.0, -0.1 }, 0.8)]      // a class without samples is left out
    public void S_is_the_largest_share_of_the_absolute_accuracy_change(double[] deltas, double expected)
    {
        Assert.Equal(expected, Specialization.Of(deltas), 12);
    }

    [Fact]
    public void The_rank_counts_random_sets_at_least_as_specialised_including_ties()
    {
        double[] random = [0.2, 0.5, 0.5, 0.9];
        Assert.Equal(1.0 / 5, Specialization.Percentile(1.0, random));  // above all: r = 0
        Assert.Equal(4.0 / 5, Specialization.Percentile(0.5, random));  // 0.5, 0.5, 0.9: r = 3
        Assert.Equal(5.0 / 5, Specialization.Percentile(0.1, random));  // below all: r = 4
    }

    [Fact]
    public void Each_class_belongs_to_the_cluster_that_hurts_it_most_and_the_rest_is_collateral()
    {
        double[][] delta =
        [
            [-0.9, -0.6, -0.1, 0.0],
            [-0.2, -0.7, 0.0, 0.1],
            [0.0, 0.0, -0.1, 0.0],
        ];
        int[] owners = ClassOwnership.Owners(delta);
        // Class 1: cluster 1 (0.7) beats cluster 0 (0.6). Class 2: a tie at 0.1, the lower index wins.
        // Class 3: no cluster lowers it, no owner.
        Assert.Equal([0, 1, 0, -1], owners);
        // Cluster 0 owns classes 0 and 2: its collateral is class 1's 0.6. Cluster 1: class 0's 0.2
        // (class 3 rose). Cluster 2 owns nothing: class 2's 0.1.
        Assert.Equal([0.6, 0.2, 0.1], ClassOwnership.CollateralDrops(delta, owners));
    }
}
