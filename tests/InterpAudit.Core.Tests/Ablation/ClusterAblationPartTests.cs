using System.Text.Json;
using System.Text.Json.Serialization;
using InterpAudit.Ablation;
using InterpAudit.Sharding;
using TorchSharp;
using static TorchSharp.torch;

namespace InterpAudit.Tests.Ablation;

/// <summary>
/// Issue #19, ablation by variant range: cluster ablation measured a part of the clusters at a time
/// (as the shards of a sharded audit measure it) and assembled is the whole measurement bit for bit,
/// on the logit-update path and on both forward paths; owners and collateral drops, derived over every
/// cluster, come from the assembled Δ. Parts that do not fit together are refused, saying why.
/// </summary>
public sealed class ClusterAblationPartTests
{
    private static readonly string[] Classes = ["a", "b", "c", "d", "e"];

    [Theory]
    [InlineData(true, true, 51)]
    [InlineData(false, true, 51)]
    [InlineData(false, false, 51)]
    public void Parts_of_the_clusters_assemble_into_the_whole_measurement_bit_for_bit(bool logitUpdate, bool stackAtLayer, int seed)
    {
        (var stream, IReadOnlyList<IReadOnlyList<int>> clusters) = Chain(seed);
        var options = new AblationOptions(RandomSets: 6, Seed: seed, StackAtLayer: stackAtLayer, LogitUpdate: logitUpdate);
        ClusterAblationResult whole = ClusterAblation.Measure(stream, "fc2", clusters, Classes, options, "modularity:fc2:k=5");
        ClusterAblationResult[] parts = new[] { new[] { 0 }, [1, 2], [3, 4] }
            .Select(part => ClusterAblation.Measure(stream, "fc2", clusters, Classes, options, "modularity:fc2:k=5", part)).ToArray();

        Assert.Equal(logitUpdate, whole.LogitUpdate);
        Assert.Equal(stackAtLayer, whole.StackedAtLayer);
        // Not trivially equal: some ablation moves some class, and the owners are not all one cluster.
        Assert.Contains(whole.Zero.Delta, row => row.Any(d => d != 0));
        Assert.True(whole.Zero.Owners.Where(o => o >= 0).Distinct().Count() > 1, "the owners span several clusters");

        // A part holds its clusters' figures only, and nothing derived over all clusters.
        Assert.Equal([1, 2], parts[1].PartClusters);
        Assert.Equal(2, parts[1].Mean.Delta.Count);
        Assert.Empty(parts[1].Zero.Owners);
        Assert.Equal(whole.Zero.Delta[1], parts[1].Zero.Delta[0]);

        // In any order of the parts.
        object assembled = ((IAssembledFromParts)parts[2]).Assemble([parts[2], parts[0], parts[1]], Classes);
        Assert.Equal(Json(whole), Json(assembled));
        Assert.Null(((ClusterAblationResult)assembled).PartClusters);
    }

    [Fact]
    public void Parts_that_miss_a_cluster_repeat_one_or_rest_on_another_clustering_are_refused()
    {
        (var stream, IReadOnlyList<IReadOnlyList<int>> clusters) = Chain(54);
        var options = new AblationOptions(RandomSets: 3, Seed: 1);
        ClusterAblationResult Part(IReadOnlyList<IReadOnlyList<int>> of, params int[] part) => ClusterAblation.Measure(stream, "fc2", of, Classes, options, "m", part);
        ClusterAblationResult low = Part(clusters, 0, 1), middle = Part(clusters, 2), high = Part(clusters, 2, 3, 4);
        // The same units in other clusters: cluster 0's first unit moved to cluster 1.
        var moved = clusters.Select(c => c.ToList()).ToArray();
        moved[1].Add(moved[0][0]);
        moved[0].RemoveAt(0);
        ClusterAblationResult other = Part(moved.Select(c => (IReadOnlyList<int>)c.Order().ToArray()).ToArray(), 2, 3, 4);

        Assert.Equal("cluster 2 is in no part", Refusal(low, Part(clusters, 3, 4)));
        Assert.Equal("cluster 2 is in two parts", Refusal(low, middle, high));
        Assert.StartsWith("the parts' clusters differ", Refusal(low, other));
    }

    private static string Refusal(params ClusterAblationResult[] parts) =>
        Assert.Throws<InvalidDataException>(() => ((IAssembledFromParts)parts[0]).Assemble(parts, Classes)).Message;

    /// <summary>A random 12 → 24 → 16 → 5 ReLU chain on 300 random samples, fc2's units in 5 clusters of uneven sizes.</summary>
    private static (InterpAudit.Capture.ActivationStream Stream, IReadOnlyList<IReadOnlyList<int>> Clusters) Chain(int seed)
    {
        torch.manual_seed(seed);
        var random = new Random(seed);
        var model = nn.Sequential(("fc1", nn.Linear(12, 24)), ("relu1", nn.ReLU()), ("fc2", nn.Linear(24, 16)), ("relu2", nn.ReLU()),
            ("head", nn.Linear(16, Classes.Length)));
        model.eval();
        var inputs = new float[300, 12];
        var labels = new long[300];
        for (int s = 0; s < 300; s++)
        {
            for (int i = 0; i < 12; i++) inputs[s, i] = (float)(random.NextDouble() * 2 - 1);
            // Labels the model mostly agrees with, so that ablations move the accuracy of some classes.
            using Tensor logits = model.call(tensor(Enumerable.Range(0, 12).Select(i => inputs[s, i]).ToArray(), [1, 12]));
            labels[s] = s % 4 != 0 ? logits.argmax(1).item<long>() : random.Next(Classes.Length);
        }
        int[] order = Enumerable.Range(0, 16).OrderBy(_ => random.Next()).ToArray();
        int[] sizes = [2, 3, 3, 4, 4];
        var clusters = sizes.Select((size, c) => (IReadOnlyList<int>)order.Skip(sizes.Take(c).Sum()).Take(size).Order().ToArray()).ToArray();
        return (AblationNetworks.Stream(model, (inputs, labels), Classes.Length, batchSize: 64), clusters);
    }

    private static string Json(object value) => JsonSerializer.Serialize(value, value.GetType(),
        new JsonSerializerOptions { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals });
}
