namespace InterpAudit.Circuits;

/// <summary>
/// A model reduced to what ECS prunes: Linear layers applied one after another with element-wise
/// activations between them, from the first Linear's input to the logits. Discovered and checked
/// against the model by <see cref="ChainCapture"/>.
/// </summary>
internal sealed class LinearChain
{
    public LinearChain(IReadOnlyList<ChainLayer> layers)
    {
        if (layers.Count == 0) throw new ArgumentException("a chain needs at least one Linear layer", nameof(layers));
        for (int l = 1; l < layers.Count; l++)
            if (layers[l].Inputs != layers[l - 1].Outputs)
                throw new ArgumentException($"layer {layers[l].Name} takes {layers[l].Inputs} inputs but {layers[l - 1].Name} gives {layers[l - 1].Outputs}", nameof(layers));
        Layers = layers;
    }

    public IReadOnlyList<ChainLayer> Layers { get; }

    public int InputSize => Layers[0].Inputs;

    public int ClassCount => Layers[^1].Outputs;

    /// <summary>Every weight of every layer: the denominator of ECS.</summary>
    public long WeightCount => Layers.Sum(l => (long)l.WeightCount);

    /// <summary>"fc1 → relu1 → fc2 → relu2 → fc3", for messages and the report.</summary>
    public string Describe() => string.Join(" → ", Layers.SelectMany(l =>
        l.Activation.Kind == ActivationKind.Identity ? [l.Name] : new[] { l.Name, l.Activation.Name }));

    /// <summary>A copy of every layer's weights, for a pruning pass to zero.</summary>
    public double[][] CopyWeights() => Layers.Select(l => (double[])l.Weight.Clone()).ToArray();
}
