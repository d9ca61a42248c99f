using InterpAudit.Circuits;

namespace InterpAudit.Tests.Circuits;

/// <summary>ECS on the disjoint-paths network, where the answer follows from the construction.</summary>
public sealed class EcsGroundTruthTests
{
    private static CapturedChain CleanPaths()
    {
        var (inputs, labels) = CircuitNetworks.PathsData(perClass: 20);
        return CircuitNetworks.Capture(CircuitNetworks.PathsModel(), inputs, labels);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Exact_mode_keeps_exactly_the_class_path(int y)
    {
        CapturedChain captured = CleanPaths();
        PruningOutcome outcome = GreedyCircuitPruning.Run(captured.Chain, captured.Classes[y]);

        for (int l = 0; l < 3; l++)
            for (int k = 0; k < captured.Chain.Layers[l].WeightCount; k++)
                Assert.True(outcome.Pruned.IsZeroed(l, k) != CircuitNetworks.OnPath(l, k, y), $"layer {l} weight {k}");
        ClassCircuit circuit = ClassCircuit.From("y", captured.Classes[y].Count, outcome, captured.Chain.WeightCount);
        Assert.Equal(102, CircuitNetworks.WeightCount);
        Assert.Equal(102 - 10, circuit.Zeroed);
        Assert.Equal(10.0 / 102, circuit.Ecs, 14); // 1 − 92/102 in float64
        // Zeroing other paths changes nothing on class y, so the loss is the original to the last bit.
        Assert.Equal(outcome.OriginalLoss, outcome.PrunedLoss);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Fast_mode_finds_the_same_path(int y)
    {
        CapturedChain captured = CleanPaths();
        PruningOutcome exact = GreedyCircuitPruning.Run(captured.Chain, captured.Classes[y]);
        PruningOutcome fast = AttributionCircuitPruning.Run(captured.Chain, captured.Classes[y]);

        Assert.Equal(CircuitNetworks.WeightCount - CircuitNetworks.PathWeights, fast.Pruned.Count);
        Assert.Equal(1.0, fast.Pruned.Jaccard(exact.Pruned));
        // 92 of 102 pass and 93 fail: a bisection over 0..102 needs ⌈log₂ 102⌉ = 7 steps, plus the
        // unpruned loss and the all-pruned probe.
        Assert.InRange(fast.LossEvaluations, 2, 9);
    }

    [Fact]
    public void Slack_from_other_classes_paths_lets_the_greedy_pass_prune_the_class_own_path()
    {
        // Class y's samples also light up path y + 1, which raises logit y + 1 and with it class y's
        // loss. Zeroing fc3's row for logit y + 1 lowers that loss below the original, and the pass
        // then spends the slack on path y's own fc2 and fc1 weights.
        var (inputs, labels) = CircuitNetworks.PathsData(perClass: 20, leak: true);
        CapturedChain captured = CircuitNetworks.Capture(CircuitNetworks.PathsModel(), inputs, labels);
        const int y = 1;
        PruningOutcome outcome = GreedyCircuitPruning.Run(captured.Chain, captured.Classes[y]);

        int pathZeroed = 0;
        for (int l = 0; l < 3; l++)
            for (int k = 0; k < captured.Chain.Layers[l].WeightCount; k++)
                if (CircuitNetworks.OnPath(l, k, y) && outcome.Pruned.IsZeroed(l, k)) pathZeroed++;
        Assert.True(pathZeroed > 0, "no weight of the class's own path was pruned");
        ClassCircuit circuit = ClassCircuit.From("1", captured.Classes[y].Count, outcome, captured.Chain.WeightCount);
        Assert.True(circuit.Ecs < 10.0 / 102, $"ECS {circuit.Ecs} does not understate the path's 10/102");
        Assert.True(outcome.PrunedLoss <= outcome.OriginalLoss * (1 + 1e-9));
        // The slack came from logit y + 1's weights on path y + 1: all zeroed.
        for (int h = 4; h < 6; h++) Assert.True(outcome.Pruned.IsZeroed(2, 2 * CircuitNetworks.Hidden + h));
    }
}
