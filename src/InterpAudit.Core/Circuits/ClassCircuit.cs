using System.Text.Json.Serialization;

namespace InterpAudit.Circuits;

/// <summary>ECS of one class: <c>1 − Zeroed / Visited</c> (spec modularity.md §4, step 3).</summary>
/// <param name="Samples">The class's samples behind its loss (at most MaxSamplesPerClass).</param>
/// <param name="ZeroedPerLayer">Zeroed weights per chain layer, in chain order.</param>
/// <param name="OriginalLoss">Mean cross-entropy of the unpruned model on the samples.</param>
/// <param name="PrunedLoss">The same after pruning.</param>
/// <param name="LossEvaluations">Exact: weight trials that needed the loss; fast: forward passes.</param>
public sealed record ClassCircuit(
    string ClassName, int Samples, double Ecs, long Zeroed, long Visited, IReadOnlyList<long> ZeroedPerLayer,
    double OriginalLoss, double PrunedLoss, long LossEvaluations)
{
    /// <summary>The zeroed weights themselves, for agreement between modes; too large for metrics.json.</summary>
    [JsonIgnore]
    internal PrunedWeights? Pruned { get; init; }

    internal static ClassCircuit From(string className, int samples, PruningOutcome outcome, long visited)
    {
        long zeroed = outcome.Pruned.Count;
        double ecs = samples == 0 ? double.NaN : 1 - (double)zeroed / visited;
        long[] perLayer = Enumerable.Range(0, outcome.Pruned.LayerCount).Select(outcome.Pruned.CountInLayer).ToArray();
        return new ClassCircuit(className, samples, ecs, zeroed, visited, perLayer, outcome.OriginalLoss, outcome.PrunedLoss,
            outcome.LossEvaluations) { Pruned = outcome.Pruned };
    }
}
