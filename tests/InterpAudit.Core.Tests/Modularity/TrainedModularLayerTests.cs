using InterpAudit.Modularity;
using TorchSharp;
using static TorchSharp.torch;

namespace InterpAudit.Tests.Modularity;

/// <summary>
/// A real layer on which Dhillon's ⌈log₂ k⌉ embedding fails: fc2 of the sample's modular MLP trained
/// with seed 9 (committed in tests/fixtures/MnistWeights), whose four training blocks hold 99.3 % of
/// the squared weight. With 2 singular vectors for k = 4 co-clustering found 0.867 whatever the
/// restarts, which made the sample's calibrated baseline spread 0.04 instead of 0.001; the default k − 1
/// vectors recover the blocks.
/// </summary>
public sealed class TrainedModularLayerTests
{
    private static WeightGraph Fc2()
    {
        using var model = nn.Sequential(("fc1", nn.Linear(784, 64)), ("relu1", nn.ReLU()), ("fc2", nn.Linear(64, 64)), ("relu2", nn.ReLU()), ("fc3", nn.Linear(64, 10)));
        string root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "InterpAudit.sln"))) root = Path.GetDirectoryName(root)!;
        model.load(Path.Combine(root, "tests", "fixtures", "MnistWeights", "mnist-mlp-modular.seed9.weights"));
        return WeightGraph.FromWeight(LayerWeight.OutputsByInputs(model.named_modules().Single(m => m.name == "fc2").module));
    }

    [Fact]
    public void The_default_embedding_finds_the_blocks_the_layer_was_trained_with()
    {
        WeightGraph fc2 = Fc2();
        // The training partition (EnmeshmentLoss.ContiguousBlocks): unit i of 64 in block ⌊i·4/64⌋, on both sides.
        int[] blocks = Enumerable.Range(0, 64).Select(i => i * 4 / 64).ToArray();
        double trained = Clusterability.Of(fc2, new Coclustering(4, blocks, blocks));
        Assert.InRange(trained, 0.99, 1.0);

        double found = Clusterability.Of(fc2, SpectralCoclustering.Fit(fc2, new CoclusteringOptions(4)));
        Assert.Equal(trained, found, 3);
    }

    [Fact]
    public void The_embedding_dimension_defaults_to_k_minus_1()
    {
        Assert.Equal(3, new CoclusteringOptions(4).SingularVectors);
        Assert.Equal(2, new CoclusteringOptions(4).Log2Dimensions);
        Assert.Equal(2, new CoclusteringOptions(4) { Dimensions = 2 }.SingularVectors);
    }
}
