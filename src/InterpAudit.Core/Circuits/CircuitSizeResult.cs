using InterpAudit.Sharding;

namespace InterpAudit.Circuits;

/// <summary>
/// ECS per class in one mode, as metrics.json and the report show it.
/// </summary>
/// <param name="Mode">"exact" or "fast".</param>
/// <param name="Criterion">The keep-zero rule in words, with its tolerance.</param>
/// <param name="Chain">The pruned layers as discovered, e.g. "fc1 → relu1 → fc2 → relu2 → fc3".</param>
/// <param name="Layers">The Linear layers, in chain order.</param>
/// <param name="Weights">Weights visited per class: every weight of those layers (biases are not pruned).</param>
public sealed record CircuitSizeResult(
    string Mode, string Criterion, double RelativeTolerance, int MaxSamplesPerClass, string Chain,
    IReadOnlyList<string> Layers, long Weights, IReadOnlyList<ClassCircuit> Classes) : IAssembledFromParts
{
    /// <summary>Mean ECS over the classes; NaN when a class had no samples (it cannot be judged).</summary>
    public double MeanEcs => Classes.Count == 0 ? double.NaN : Classes.Average(c => c.Ecs);

    IReadOnlyList<int> IAssembledFromParts.PartIndices(IReadOnlyList<string> classNames) => PartAssembly.Indices(Classes.Select(c => c.ClassName), classNames);

    /// <summary>Every class's circuit in class order: each class is pruned from the trained model on its own, so a part's classes are the whole's.</summary>
    object IAssembledFromParts.Assemble(IReadOnlyList<IAssembledFromParts> parts, IReadOnlyList<string> classNames)
    {
        CircuitSizeResult[] sizes = parts.Cast<CircuitSizeResult>().ToArray();
        PartAssembly.RequireSame(sizes, "modes", s => s.Mode);
        PartAssembly.RequireSame(sizes, "criteria", s => s.Criterion);
        PartAssembly.RequireSame(sizes, "tolerances", s => s.RelativeTolerance);
        PartAssembly.RequireSame(sizes, "sample caps", s => s.MaxSamplesPerClass);
        PartAssembly.RequireSame(sizes, "chains", s => s.Chain);
        PartAssembly.RequireSame(sizes, "layers", s => s.Layers);
        PartAssembly.RequireSame(sizes, "weight counts", s => s.Weights);
        return this with { Classes = PartAssembly.InClassOrder(sizes.Select(s => s.Classes), c => c.ClassName, classNames) };
    }

    /// <summary>The caveats the report states with every ECS figure (spec modularity.md §4).</summary>
    public static IReadOnlyList<string> Caveats { get; } =
    [
        "Order dependence: the greedy pass visits the last layer first and each matrix row by row; another order keeps a different set of weights, and ECS changes with it.",
        "Slack: zeroing a weight that serves other classes can lower this class's loss below the original; the greedy pass then spends that slack on the class's own weights, so ECS can understate the class's circuit.",
    ];
}
