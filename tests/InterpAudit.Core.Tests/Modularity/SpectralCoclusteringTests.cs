using InterpAudit.Modularity;
using InterpAudit.Statistics;
using TorchSharp;
using static TorchSharp.torch;

namespace InterpAudit.Tests.Modularity;

public sealed class SpectralCoclusteringTests
{
    private static readonly CoclusteringOptions FourClusters = new(Clusters: 4, Restarts: 10, Seed: 0);

    /// <summary>Output and input labels as one partition of all units, so a wrong pairing of row and column clusters shows.</summary>
    private static int[] Joint(IReadOnlyList<int> outputs, IReadOnlyList<int> inputs) => [.. outputs, .. inputs];

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Planted_four_blocks_are_recovered_exactly_with_their_pairing(int seed)
    {
        (double[,] w, int[] outputBlocks, int[] inputBlocks) = ModularityMatrices.PlantedBlocks(64, 64, 4, noise: 0.01, seed);
        WeightGraph graph = WeightGraph.FromMatrix(w);

        Coclustering found = SpectralCoclustering.Fit(graph, FourClusters);

        Assert.Equal(1.0, AdjustedRandIndex.Of(outputBlocks, found.OutputLabels), 12);
        Assert.Equal(1.0, AdjustedRandIndex.Of(inputBlocks, found.InputLabels), 12);
        Assert.Equal(1.0, AdjustedRandIndex.Of(Joint(outputBlocks, inputBlocks), Joint(found.OutputLabels, found.InputLabels)), 12);
        Assert.True(Clusterability.Of(graph, found) >= 0.99, $"C = {Clusterability.Of(graph, found)}");
    }

    [Fact]
    public void Dead_units_are_left_out_and_reported_and_the_rest_is_still_recovered()
    {
        (double[,] w, int[] outputBlocks, int[] inputBlocks) = ModularityMatrices.PlantedBlocks(64, 64, 4, noise: 0.01, seed: 3);
        for (int i = 0; i < 64; i++)
        {
            w[5, i] = 0;
            w[i, 7] = 0;
            w[i, 40] = 0;
        }

        Coclustering found = SpectralCoclustering.Fit(WeightGraph.FromMatrix(w), FourClusters);

        Assert.Equal([5], found.DeadOutputs);
        Assert.Equal([7, 40], found.DeadInputs);
        Assert.Equal(Coclustering.Dead, found.OutputLabels[5]);
        int[] liveOutputs = Enumerable.Range(0, 64).Where(u => u != 5).ToArray();
        int[] liveInputs = Enumerable.Range(0, 64).Where(v => v is not 7 and not 40).ToArray();
        Assert.Equal(1.0, AdjustedRandIndex.Of(
            Joint(liveOutputs.Select(u => outputBlocks[u]).ToArray(), liveInputs.Select(v => inputBlocks[v]).ToArray()),
            Joint(liveOutputs.Select(u => found.OutputLabels[u]).ToArray(), liveInputs.Select(v => found.InputLabels[v]).ToArray())), 12);
    }

    [Fact]
    public void The_same_seed_gives_the_same_partition()
    {
        WeightGraph noise = WeightGraph.FromMatrix(ModularityMatrices.Noise(32, 48, seed: 4));
        Assert.Equal(SpectralCoclustering.Fit(noise, FourClusters).OutputLabels, SpectralCoclustering.Fit(noise, FourClusters).OutputLabels);
        Assert.Equal(SpectralCoclustering.Fit(noise, FourClusters).InputLabels, SpectralCoclustering.Fit(noise, FourClusters).InputLabels);
    }

    [Fact]
    public void A_convolution_edge_is_the_L1_norm_of_its_kernel_slice_and_its_squared_weight_the_sum_of_squares()
    {
        // [out 2, in 1, 2, 2]: slice (0,0) = 1, −2, 3, 0; slice (1,0) = 0.5 everywhere.
        using Tensor weight = tensor(new double[] { 1, -2, 3, 0, 0.5, 0.5, 0.5, 0.5 }, [2, 1, 2, 2]);
        WeightGraph graph = WeightGraph.FromWeight(weight);
        Assert.Equal((2, 1), (graph.Outputs, graph.Inputs));
        Assert.Equal(6.0, graph.Strength(0, 0), 12);
        Assert.Equal(14.0, graph.SquaredWeight(0, 0), 12);
        Assert.Equal(2.0, graph.Strength(1, 0), 12);
        Assert.Equal(1.0, graph.SquaredWeight(1, 0), 12);
    }

    [Fact]
    public void Planted_channel_blocks_of_a_Conv2d_are_recovered_through_its_module()
    {
        (double[,] w, int[] outputBlocks, int[] inputBlocks) = ModularityMatrices.PlantedBlocks(16, 16, 4, noise: 0.01, seed: 5);
        using var conv = nn.Conv2d(16, 16, 3);
        var random = new Random(5);
        var kernels = new float[16 * 16 * 9];
        for (int o = 0; o < 16; o++)
            for (int i = 0; i < 16; i++)
                for (int s = 0; s < 9; s++)
                    kernels[(o * 16 + i) * 9 + s] = (float)(w[o, i] * (0.5 + random.NextDouble()));
        using (no_grad())
            conv.weight!.copy_(tensor(kernels, [16, 16, 3, 3]));

        Coclustering found = SpectralCoclustering.Fit(WeightGraph.FromWeight(LayerWeight.OutputsByInputs(conv)), FourClusters);

        Assert.Equal(1.0, AdjustedRandIndex.Of(Joint(outputBlocks, inputBlocks), Joint(found.OutputLabels, found.InputLabels)), 12);
    }

    [Fact]
    public void Layer_weights_are_read_as_outputs_by_inputs_and_grouped_convolutions_are_refused()
    {
        using var linear = nn.Linear(5, 3);
        using var transposed = nn.ConvTranspose2d(4, 6, 3);
        using var grouped = nn.Conv2d(4, 8, 3, groups: 2);
        using var relu = nn.ReLU();
        Assert.Equal([3L, 5], LayerWeight.OutputsByInputs(linear).shape);
        Assert.Equal([6L, 4, 3, 3], LayerWeight.OutputsByInputs(transposed).shape);
        Assert.Contains("groups = 2", LayerWeight.Unsupported(grouped));
        Assert.Contains("no weight matrix", LayerWeight.Unsupported(relu));
        Assert.Null(LayerWeight.Unsupported(transposed));
    }

    [Fact]
    public void K_means_separates_well_separated_groups_whatever_the_seed()
    {
        var random = new Random(6);
        double[][] points = Enumerable.Range(0, 90)
            .Select(i => new[] { 10.0 * (i % 3) + 0.1 * random.NextDouble(), 0.1 * random.NextDouble() }).ToArray();
        for (int seed = 0; seed < 5; seed++)
        {
            int[] labels = KMeans.Cluster(points, 3, restarts: 1, new Random(seed));
            Assert.Equal(1.0, AdjustedRandIndex.Of(Enumerable.Range(0, 90).Select(i => i % 3).ToArray(), labels), 12);
        }
    }
}
