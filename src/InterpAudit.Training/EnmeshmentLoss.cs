using InterpAudit.Capture;
using InterpAudit.Modularity;
using TorchSharp;
using static TorchSharp.torch;

namespace InterpAudit.Training;

/// <summary>
/// The enmeshment loss of spec modularity.md §3 (Golechha, Cope, Schoots 2024): <c>λ · (1 − C̄)</c>,
/// C̄ the mean clusterability of the regularised layers under a FIXED partition. Add it to the task
/// loss and the optimiser moves weight into the partition's diagonal blocks:
/// <code>
/// using var enmeshment = EnmeshmentLoss.ContiguousBlocks(model, lambda: 8, clusters: 4, "fc2");
/// Tensor loss = nn.functional.cross_entropy(model.call(inputs), labels) + enmeshment.Compute();
/// </code>
/// The partition is a constant 0/1 mask <c>M</c> (<c>M_uv = 1</c> when output u and input v share a
/// block), so <c>C = Σ M ⊙ W² / Σ W²</c> is differentiable in W and nothing about the partition is
/// learnt. Two fixed partitions (§3): contiguous equal blocks (<see cref="ContiguousBlocks"/>), right
/// when training from scratch because hidden units are interchangeable at initialisation; or a BSGC
/// co-clustering of a pretrained model, computed once and frozen (<see cref="FrozenCoclustering"/>).
/// Reference settings: λ = 0.7 for a CIFAR-10 CNN's fc2 (Adam, lr 1e-3, batch 64); 20–40 for GPT-2.
/// </summary>
public sealed class EnmeshmentLoss : IDisposable
{
    private readonly List<RegularisedLayer> _layers;

    /// <summary>Regularises the named layers of <paramref name="model"/> towards the given partitions.</summary>
    /// <param name="model">The model being trained; its layers are looked up by <c>named_modules()</c> name.</param>
    /// <param name="lambda">λ, the weight of the loss against the task loss (≥ 0).</param>
    /// <param name="partitions">Per layer name, the co-clusters its output and input units must keep to.</param>
    public EnmeshmentLoss(nn.Module model, double lambda, IReadOnlyDictionary<string, Coclustering> partitions)
    {
        if (!(lambda >= 0))
            throw new ArgumentOutOfRangeException(nameof(lambda), lambda, "λ must be a non-negative number.");
        if (partitions.Count == 0)
            throw new ArgumentException("Name at least one layer to regularise.", nameof(partitions));
        Lambda = lambda;
        _layers = partitions.Select(p => new RegularisedLayer(p.Key, FindLayer(model, p.Key), p.Value)).ToList();
    }

    /// <summary>λ, the weight of the loss.</summary>
    public double Lambda { get; }

    /// <summary>The fixed partition of each regularised layer (a report or a later audit can compare with it).</summary>
    public IReadOnlyDictionary<string, Coclustering> Partitions => _layers.ToDictionary(l => l.Name, l => l.Partition);

    /// <summary>
    /// Contiguous equal blocks: in each layer, output unit i of n and input unit j of m are in blocks
    /// ⌊i·k/n⌋ and ⌊j·k/m⌋. For training from scratch.
    /// </summary>
    public static EnmeshmentLoss ContiguousBlocks(nn.Module model, double lambda, int clusters, params string[] layers) =>
        new(model, lambda, layers.ToDictionary(name => name, name =>
        {
            long[] shape = LayerWeight.OutputsByInputs(FindLayer(model, name)).shape;
            if (clusters < 2 || clusters > Math.Min(shape[0], shape[1]))
                throw new ArgumentOutOfRangeException(nameof(clusters), clusters,
                    $"Expected 2 to {Math.Min(shape[0], shape[1])} clusters for '{name}' ({shape[0]} outputs × {shape[1]} inputs).");
            return Coclustering.Contiguous((int)shape[0], (int)shape[1], clusters);
        }));

    /// <summary>
    /// The BSGC co-clustering of each layer's current (pretrained) weights, computed once now and then
    /// frozen, for fine-tuning a trained model towards the modules it already has. Units dead at this
    /// point belong to no block: the loss pushes their weights towards zero.
    /// </summary>
    public static EnmeshmentLoss FrozenCoclustering(nn.Module model, double lambda, CoclusteringOptions options, params string[] layers) =>
        new(model, lambda, layers.ToDictionary(name => name, name =>
            SpectralCoclustering.Fit(WeightGraph.FromWeight(LayerWeight.OutputsByInputs(FindLayer(model, name))), options)));

    /// <summary>
    /// <c>λ · (1 − C̄)</c>: a scalar on the weights' device, differentiable in the weights. Add it to the
    /// task loss before <c>backward()</c>.
    /// </summary>
    public Tensor Compute()
    {
        using var scope = NewDisposeScope();
        // λ·(1 − C̄) as TorchSharp's operators compute it, with Scalars held across the calls: a
        // temporary Scalar can be freed by its finalizer while libtorch reads it (InterpAudit.Capture.HeldScalars).
        using Scalar lambda = Lambda.ToScalar(), one = 1.ToScalar();
        return MeanClusterability().negative().add(one).mul(lambda).MoveToOuterDisposeScope();
    }

    /// <summary>C̄, the mean over the regularised layers of <c>C = Σ M ⊙ W² / Σ W²</c> under the fixed partitions; differentiable.</summary>
    public Tensor MeanClusterability()
    {
        using var scope = NewDisposeScope();
        Tensor sum = _layers.Select(l => l.Clusterability()).Aggregate((a, b) => a + b);
        using Scalar layers = _layers.Count.ToScalar(); // held across the call, as in Compute
        return sum.div(layers).MoveToOuterDisposeScope();
    }

    /// <summary>Releases the cached masks.</summary>
    public void Dispose()
    {
        foreach (RegularisedLayer layer in _layers) layer.Dispose();
    }

    private static nn.Module FindLayer(nn.Module model, string name)
    {
        nn.Module? layer = ModelLayers.Find(model, name);
        if (layer is null)
            throw new ArgumentException(
                $"Layer '{name}' does not exist in {model.GetType().Name}: expected one of {string.Join(", ", model.named_modules().Where(m => m.name.Length > 0).Select(m => $"'{m.name}'"))}.",
                nameof(name));
        if (LayerWeight.Unsupported(layer) is { } why)
            throw new ArgumentException($"Layer '{name}' cannot be regularised: {why}.", nameof(name));
        return layer;
    }

    /// <summary>One layer, its fixed partition and its 0/1 block mask, cached on the weight's device and dtype.</summary>
    private sealed class RegularisedLayer(string name, nn.Module layer, Coclustering partition) : IDisposable
    {
        private Tensor? _mask;

        public string Name { get; } = name;

        public Coclustering Partition { get; } = partition;

        public Tensor Clusterability()
        {
            Tensor weight = LayerWeight.OutputsByInputs(layer);
            Tensor squared = weight.square();
            return (squared * Mask(weight)).sum() / squared.sum();
        }

        private Tensor Mask(Tensor weight)
        {
            if (_mask is not null && _mask.device == weight.device && _mask.dtype == weight.dtype)
                return _mask;
            long outputs = weight.shape[0], inputs = weight.shape[1];
            if (Partition.OutputLabels.Count != outputs || Partition.InputLabels.Count != inputs)
                throw new InvalidOperationException(
                    $"The partition of '{Name}' labels {Partition.OutputLabels.Count} outputs × {Partition.InputLabels.Count} inputs; the layer has {outputs} × {inputs}.");
            var mask = new float[outputs * inputs];
            for (int u = 0; u < outputs; u++)
                for (int v = 0; v < inputs; v++)
                    mask[u * inputs + v] = Partition.OutputLabels[u] != Coclustering.Dead && Partition.OutputLabels[u] == Partition.InputLabels[v] ? 1 : 0;
            // Trailing singleton dimensions broadcast the mask over a convolution's kernel.
            long[] shape = [outputs, inputs, .. Enumerable.Repeat(1L, (int)weight.dim() - 2)];
            _mask?.Dispose();
            _mask = tensor(mask, shape).to(weight.dtype, weight.device).DetachFromDisposeScope();
            return _mask;
        }

        public void Dispose() => _mask?.Dispose();
    }
}
