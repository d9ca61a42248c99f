using InterpAudit.Ablation;

namespace InterpAudit.Tests.Ablation;

/// <summary>Per-class cluster ablation on networks with hand-derived answers (see <see cref="AblationNetworks"/>).</summary>
public sealed class ClusterAblationGroundTruthTests
{
    private static ClusterAblationResult Measure(int classesPerCluster, int batchSize = 8, int randomSets = 20, int seed = 0)
    {
        int classes = AblationNetworks.Clusters * classesPerCluster;
        var stream = AblationNetworks.Stream(AblationNetworks.SubNetworks(classesPerCluster), AblationNetworks.SubNetworkData(classes), classes, batchSize);
        return ClusterAblation.Measure(stream, "fc2", AblationNetworks.Blocks(), AblationNetworks.ClassNames(classes), new AblationOptions(randomSets, seed));
    }

    [Fact]
    public void Zero_ablating_a_sub_network_drops_only_its_own_class_and_S_is_one()
    {
        ClusterAblationResult result = Measure(classesPerCluster: 1);

        Assert.Equal(Enumerable.Repeat(1.0, 4), result.CleanAccuracy);
        // Δ_{c,y} = −1 when c = y (accuracy 1 → 0), exactly 0 elsewhere.
        for (int c = 0; c < 4; c++)
            Assert.Equal(Enumerable.Range(0, 4).Select(y => y == c ? -1.0 : 0.0), result.Zero.Delta[c]);
        Assert.Equal([1.0, 1.0, 1.0, 1.0], result.Zero.Specialization);
        Assert.Equal([0, 1, 2, 3], result.Zero.Owners);
        Assert.Equal([0.0, 0.0, 0.0, 0.0], result.Zero.CollateralDrops);
        Assert.Equal(1.0, result.Zero.MeanSpecialization);
    }

    [Fact]
    public void A_sub_network_serving_two_classes_drops_both_and_nothing_else_so_S_is_one_half()
    {
        ClusterAblationResult result = Measure(classesPerCluster: 2);

        for (int c = 0; c < 4; c++)
            Assert.Equal(Enumerable.Range(0, 8).Select(y => y / 2 == c ? -1.0 : 0.0), result.Zero.Delta[c]);
        // max |Δ| / Σ|Δ| = 1/2: the largest S a cluster can reach when its ablation hurts two classes
        // equally; the whole effect stays on its own classes, so no class is collateral.
        Assert.Equal([0.5, 0.5, 0.5, 0.5], result.Zero.Specialization);
        Assert.Equal([0, 0, 1, 1, 2, 2, 3, 3], result.Zero.Owners);
        Assert.Equal(0.0, result.Zero.MaxCollateralDrop);
    }

    [Fact]
    public void Mean_ablation_of_the_same_clusters_changes_nothing_because_the_unit_means_carry_the_class_evidence()
    {
        ClusterAblationResult result = Measure(classesPerCluster: 1);

        // Block c's fc2 outputs are 2a on class-c samples and ≈ 0.003a elsewhere: means ≈ 2·1.5/4 = 0.75.
        Assert.All(result.UnitMeans, m => Assert.InRange(m, 0.75, 0.76));
        Assert.All(result.Mean.Delta, row => Assert.Equal([0.0, 0.0, 0.0, 0.0], row));
        // 0/0: a cluster whose ablation moves nothing is not specialised, S = 1/classes.
        Assert.Equal([0.25, 0.25, 0.25, 0.25], result.Mean.Specialization);
        Assert.Equal([-1, -1, -1, -1], result.Mean.Owners);
        // Zero ablation, on the same units with non-zero means, differs.
        Assert.NotEqual(result.Zero.Delta.SelectMany(r => r), result.Mean.Delta.SelectMany(r => r));
    }

    [Fact]
    public void Zero_and_mean_ablation_agree_on_units_whose_mean_is_zero_and_differ_on_the_others()
    {
        var stream = AblationNetworks.Stream(AblationNetworks.SymmetricMeans(), AblationNetworks.SymmetricData(), classes: 2);
        ClusterAblationResult result = ClusterAblation.Measure(stream, "fc", [[0, 1], [2, 3]], ["pos", "neg"], new AblationOptions());

        Assert.Equal([0.0, 0.0, 2.0, 2.0], result.UnitMeans);
        Assert.Equal([-0.5, -0.5], result.Zero.Delta[0]);
        Assert.Equal([-0.5, -0.5], result.Mean.Delta[0]);
        Assert.Equal([0.0, -0.5], result.Zero.Delta[1]);
        Assert.Equal([0.0, 0.0], result.Mean.Delta[1]);
    }

    [Fact]
    public void A_planted_specialised_cluster_ranks_above_every_random_set_deterministically()
    {
        ClusterAblationResult first = Measure(classesPerCluster: 1, seed: 7);
        ClusterAblationResult second = Measure(classesPerCluster: 1, seed: 7);

        // A random 4-unit set other than a whole block leaves every block at least one unit, whose
        // logit (≥ 2a) still beats the noise: no accuracy moves, S = 1/4. Only the block itself reaches 1.
        Assert.All(first.Zero.RandomSpecialization, sets => Assert.All(sets, s => Assert.Equal(0.25, s)));
        // r = 0 random sets at least as specialised: p = (0 + 1)/(20 + 1).
        Assert.Equal(Enumerable.Repeat(1.0 / 21, 4), first.Zero.Percentile);
        // Mean ablation moves nothing anywhere: every random set ties the cluster, r = 20, p = 1.
        Assert.Equal(Enumerable.Repeat(1.0, 4), first.Mean.Percentile);
        Assert.Equal(first.Zero.RandomSpecialization.SelectMany(s => s), second.Zero.RandomSpecialization.SelectMany(s => s));
        Assert.Equal(first.Zero.Percentile, second.Zero.Percentile);
    }

    [Fact]
    public void Random_sets_draw_the_cluster_size_from_the_whole_layer_and_follow_the_seed()
    {
        int[][] a = RandomUnitSets.Draw(units: 16, size: 4, count: 20, seed: 3);
        int[][] b = RandomUnitSets.Draw(units: 16, size: 4, count: 20, seed: 3);
        int[][] c = RandomUnitSets.Draw(units: 16, size: 4, count: 20, seed: 4);

        Assert.All(a, set => Assert.Equal(4, set.Distinct().Count(u => u is >= 0 and < 16)));
        Assert.Equal(a.SelectMany(s => s), b.SelectMany(s => s));
        Assert.NotEqual(a.SelectMany(s => s), c.SelectMany(s => s));
        // Over the 80 draws every unit turns up (each draw covers a quarter of the layer).
        Assert.Equal(16, a.SelectMany(s => s).Distinct().Count());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(64)]
    public void Streaming_in_any_batch_size_gives_the_same_result(int batchSize)
    {
        ClusterAblationResult reference = Measure(classesPerCluster: 2, batchSize: 8, seed: 1);
        ClusterAblationResult result = Measure(classesPerCluster: 2, batchSize: batchSize, seed: 1);

        foreach (var kind in new[] { AblationKind.Zero, AblationKind.Mean })
        {
            Assert.Equal(reference.For(kind).Delta.SelectMany(r => r), result.For(kind).Delta.SelectMany(r => r));
            Assert.Equal(reference.For(kind).RandomSpecialization.SelectMany(r => r), result.For(kind).RandomSpecialization.SelectMany(r => r));
            Assert.Equal(reference.For(kind).Percentile, result.For(kind).Percentile);
        }
        Assert.Equal(reference.CleanCorrect, result.CleanCorrect);
        // The means are float64 sums of float32 activations, and libtorch's float32 matrix products round
        // differently for different batch shapes: equal to float32 precision, not bit for bit.
        for (int u = 0; u < reference.UnitMeans.Count; u++)
            Assert.Equal(reference.UnitMeans[u], result.UnitMeans[u], 6);
    }

    [Fact]
    public void A_small_row_budget_splits_the_variants_over_several_forward_passes_without_changing_the_result()
    {
        // The forward-pass way (no logit update), which is the one that has forward passes to split.
        ClusterAblationResult whole = Measure(classesPerCluster: 2, seed: 2);
        var stream = AblationNetworks.Stream(AblationNetworks.SubNetworks(2), AblationNetworks.SubNetworkData(8), 8);
        ClusterAblationResult split = ClusterAblation.Measure(stream, "fc2", AblationNetworks.Blocks(), AblationNetworks.ClassNames(8),
            new AblationOptions(20, 2, MaxRowsPerForward: 5, LogitUpdate: false));

        Assert.Equal(whole.Zero.Delta.SelectMany(r => r), split.Zero.Delta.SelectMany(r => r));
        Assert.Equal(whole.Mean.Delta.SelectMany(r => r), split.Mean.Delta.SelectMany(r => r));
        Assert.Equal(whole.Mean.RandomSpecialization.SelectMany(r => r), split.Mean.RandomSpecialization.SelectMany(r => r));
    }
}
