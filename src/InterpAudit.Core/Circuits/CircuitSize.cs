using System.Diagnostics;
using InterpAudit.Capture;

namespace InterpAudit.Circuits;

/// <summary>
/// Effective Circuit Size per class (spec modularity.md §4) over the evaluation stream, in the exact
/// (<see cref="GreedyCircuitPruning"/>) or fast (<see cref="AttributionCircuitPruning"/>) mode. Every
/// class starts from the trained model; nothing is random.
/// </summary>
internal static class CircuitSize
{
    /// <param name="only">The classes to measure (indices into <paramref name="classNames"/>, ascending), or null for all: a
    /// shard's part of the measurement. Each class is pruned on its own, so its circuit is the one the whole measurement finds.</param>
    public static CircuitSizeResult Measure(ActivationStream stream, IReadOnlyList<string> classNames, EcsMode mode,
        CircuitOptions options, IProgress<string>? progress = null, IReadOnlyList<int>? only = null)
    {
        if (mode == EcsMode.Both) throw new ArgumentException("measure the exact and fast modes separately", nameof(mode));
        CapturedChain captured = ChainCapture.Capture(stream, options.MaxSamplesPerClass);
        return Measure(captured, classNames, mode, options, progress, only);
    }

    public static CircuitSizeResult Measure(CapturedChain captured, IReadOnlyList<string> classNames, EcsMode mode,
        CircuitOptions options, IProgress<string>? progress = null, IReadOnlyList<int>? only = null)
    {
        LinearChain chain = captured.Chain;
        IReadOnlyList<int> measured = only ?? Enumerable.Range(0, classNames.Count).ToArray();
        // Classes are independent passes over their own copy of the weights: one per core. Each
        // result lands at its class's index, so the outcome does not depend on the scheduling.
        var classes = new ClassCircuit[measured.Count];
        var reporting = new object();
        Parallel.For(0, measured.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, k =>
        {
            int y = measured[k];
            long start = Stopwatch.GetTimestamp();
            ClassInputs samples = captured.Classes[y];
            PruningOutcome outcome = mode == EcsMode.Fast
                ? AttributionCircuitPruning.Run(chain, samples, options.RelativeTolerance)
                : GreedyCircuitPruning.Run(chain, samples, options.RelativeTolerance);
            double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            classes[k] = ClassCircuit.From(classNames[y], samples.Count, outcome, chain.WeightCount);
            lock (reporting) // the runner's progress writer is not thread-safe
                progress?.Report($"ECS ({Name(mode)}) of class {classNames[y]}: {classes[k].Ecs:F4} on {samples.Count} samples in {seconds:F1} s");
        });
        return new CircuitSizeResult(Name(mode), LossCriterion.Describe(options.RelativeTolerance), options.RelativeTolerance,
            options.MaxSamplesPerClass, chain.Describe(), chain.Layers.Select(l => l.Name).ToArray(), chain.WeightCount, classes);
    }

    public static string Name(EcsMode mode) => mode.ToString().ToLowerInvariant();
}
