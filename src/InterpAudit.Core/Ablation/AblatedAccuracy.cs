using InterpAudit.Capture;
using TorchSharp;
using static TorchSharp.torch;

namespace InterpAudit.Ablation;

/// <summary>
/// The second pass: per-class correct counts of every ablation variant, in one stream over the
/// evaluation set. Per batch, the inputs are repeated once per variant and sent through the model
/// together (as many variants per forward as <see cref="AblationOptions.MaxRowsPerForward"/> allows);
/// a forward hook on the layer rewrites the output of variant v's rows as
/// <c>out·(1 − m_v) + m_v·r_v</c>, with m_v the variant's unit mask and r_v zero or the unit means.
/// A hook rather than a rebuilt model, so any model works, not only a Sequential. Unablated units pass
/// through unchanged (x·1 + 0 = x), so the clean variant's rows are the model's own output.
/// </summary>
internal sealed class AblatedAccuracy
{
    private readonly LayerUnits _units;
    private readonly Tensor _means; // [positions, units], float64
    private Tensor? _keep;          // [V, 1, 1, units]: 0 where the variant ablates
    private Tensor? _replacement;   // [V, 1, positions, units]

    private AblatedAccuracy(LayerUnits units, Tensor means)
    {
        _units = units;
        _means = means;
    }

    /// <returns>Correct predictions per variant and class.</returns>
    public static long[][] Count(ActivationStream stream, string layer, LayerUnits units, Tensor means,
        IReadOnlyList<AblationVariant> variants, int classCount, int maxRowsPerForward)
    {
        var pass = new AblatedAccuracy(units, means);
        var correct = variants.Select(_ => new long[classCount]).ToArray();
        nn.Module<Tensor, Tensor> module = stream.Layers.Resolve(layer, stream.Model.GetType().Name);
        var hook = module.register_forward_hook((_, _, output) => pass.Rewrite(output));
        try
        {
            stream.ForEachBatch((inputs, labels) =>
            {
                long batch = inputs.shape[0];
                int perForward = (int)Math.Clamp(maxRowsPerForward / Math.Max(1, batch), 1, variants.Count);
                for (int first = 0; first < variants.Count; first += perForward)
                {
                    using var scope = NewDisposeScope();
                    int count = Math.Min(perForward, variants.Count - first);
                    pass.Prepare(variants.Skip(first).Take(count).ToArray(), inputs.device);
                    long[] hits = pass.Forward(stream.Model, inputs, labels, count, classCount);
                    for (int v = 0; v < count; v++)
                        for (int y = 0; y < classCount; y++)
                            correct[first + v][y] += hits[v * classCount + y];
                }
            });
        }
        finally
        {
            hook.remove();
            pass._keep = pass._replacement = null;
        }
        return correct;
    }

    private void Prepare(AblationVariant[] chunk, Device device)
    {
        int u = _units.Count;
        long positions = _means.shape[0];
        var mask = new float[chunk.Length * u];
        var useMean = new float[chunk.Length];
        for (int v = 0; v < chunk.Length; v++)
        {
            foreach (int unit in chunk[v].Units) mask[v * u + unit] = 1;
            useMean[v] = chunk[v].Kind == AblationKind.Mean ? 1 : 0;
        }
        Tensor ablated = tensor(mask, [chunk.Length, 1, 1, u], device: device);
        Tensor means = _means.to(ScalarType.Float32, device).reshape(1, 1, positions, u);
        _keep = 1 - ablated;
        _replacement = ablated * tensor(useMean, [chunk.Length, 1, 1, 1], device: device) * means;
    }

    private long[] Forward(nn.Module<Tensor, Tensor> model, Tensor inputs, Tensor labels, int count, int classCount)
    {
        var repeats = new long[inputs.dim()];
        Array.Fill(repeats, 1L);
        repeats[0] = count;
        Tensor logits;
        using (no_grad())
            logits = model.call(inputs.repeat(repeats));
        Tensor predicted = logits.argmax(1).view(count, -1);
        Tensor hit = predicted.eq(labels.unsqueeze(0));
        Tensor cell = arange(count, device: labels.device).mul(classCount).unsqueeze(1) + labels.unsqueeze(0);
        return bincount(cell[hit], minlength: count * classCount).cpu().data<long>().ToArray();
    }

    private Tensor Rewrite(Tensor output)
    {
        if (_keep is null || _replacement is null) return null!; // null keeps the module's own output
        long variants = _keep.shape[0];
        Tensor rows = UnitMeans.UnitsLast(output, _units);
        if (rows.shape[0] % variants != 0)
            throw new InvalidOperationException($"the layer saw {rows.shape[0]} rows, not a multiple of the {variants} stacked ablation variants");
        Tensor edited = rows.reshape(variants, -1, rows.shape[1], rows.shape[2]) * _keep.to(output.dtype) + _replacement.to(output.dtype);
        Tensor moved = edited.reshape(_units.Axis == -1 ? output.shape : MovedShape(output.shape));
        return _units.Axis == -1 ? moved : moved.movedim([-1], [_units.Axis]);
    }

    private long[] MovedShape(long[] shape)
    {
        var moved = shape.ToList();
        int axis = _units.Axis < 0 ? shape.Length + _units.Axis : _units.Axis;
        long units = moved[axis];
        moved.RemoveAt(axis);
        moved.Add(units);
        return moved.ToArray();
    }
}
