using InterpAudit.Capture;
using TorchSharp;
using static TorchSharp.torch;

namespace InterpAudit.Ablation;

/// <summary>
/// The second pass, the forward-pass way: per-class correct counts of every ablation variant, in one
/// stream over the evaluation set. Used where <see cref="LogitUpdateAccuracy"/> does not apply (the
/// layer does not reach the logits through exact activations and one Linear layer, or not on the
/// CPU), and as that pass's reference in the tests. Per batch, all variants go through the model together (as many per forward as
/// <see cref="AblationOptions.MaxRowsPerForward"/> allows); a forward hook on the layer rewrites the
/// output of variant v's rows as <c>out·(1 − m_v) + m_v·r_v</c>, with m_v the variant's unit mask and
/// r_v zero or the unit means. A hook rather than a rebuilt model, so any model works, not only a
/// Sequential. Unablated units pass through unchanged (x·1 + 0 = x).
/// <para>
/// Stacking the variants: the fast way feeds the batch once and has the hook repeat the layer's output
/// per variant, so the layers before it run once, not once per variant (on the sample's MLP fc1 is
/// 90% of the work). That is only right when nothing after the layer combines its output with an
/// earlier tensor of the batch (a skip connection) or reshapes by the input's batch size. Each batch
/// checks it: the logits must have a row per variant and sample, and the clean variant's rows must match
/// a plain forward of the batch; on any mismatch or error the pass falls back, for good, to repeating
/// the inputs per variant, which is right for every model whose samples do not interact.
/// </para>
/// </summary>
internal sealed class AblatedAccuracy
{
    private readonly LayerUnits _units;
    private readonly Tensor _means; // [positions, units], float64
    private Tensor? _keep;          // [V, 1, 1, units]: 0 where the variant ablates
    private Tensor? _replacement;   // [V, 1, positions, units]
    private long _batch;            // rows of the current batch, before stacking

    private AblatedAccuracy(LayerUnits units, Tensor means, bool expandAtLayer)
    {
        _units = units;
        _means = means;
        ExpandsAtLayer = expandAtLayer;
    }

    /// <summary>True while the fast way (stacking at the layer) holds; false once the pass has fallen back.</summary>
    public bool ExpandsAtLayer { get; private set; }

    /// <param name="groups">
    /// Variants counted apart: a forward pass never stacks variants of two groups, so a group's counts
    /// are the same whichever groups are counted with it (a sharded audit's part of the clusters gives
    /// the unsharded audit's counts bit for bit). Each group starts with the clean variant.
    /// </param>
    /// <returns>Correct predictions per group, variant and class, and whether the fast way held throughout.</returns>
    public static (long[][][] Correct, bool ExpandedAtLayer) Count(ActivationStream stream, string layer, LayerUnits units, Tensor means,
        IReadOnlyList<IReadOnlyList<AblationVariant>> groups, int classCount, int maxRowsPerForward, bool expandAtLayer = true)
    {
        var pass = new AblatedAccuracy(units, means, expandAtLayer);
        var correct = groups.Select(g => g.Select(_ => new long[classCount]).ToArray()).ToArray();
        nn.Module<Tensor, Tensor> module = stream.Layers.Resolve(layer, stream.Model.GetType().Name);
        var hook = module.register_forward_hook((_, _, output) => pass.Rewrite(output));
        try
        {
            stream.ForEachBatch((inputs, labels) =>
            {
                pass._batch = inputs.shape[0];
                for (int g = 0; g < groups.Count; g++)
                {
                    IReadOnlyList<AblationVariant> variants = groups[g];
                    int perForward = (int)Math.Clamp(maxRowsPerForward / Math.Max(1, pass._batch), 1, Math.Max(1, variants.Count));
                    for (int first = 0; first < variants.Count; first += perForward)
                    {
                        using var scope = NewDisposeScope();
                        int count = Math.Min(perForward, variants.Count - first);
                        AblationVariant[] chunk = variants.Skip(first).Take(count).ToArray();
                        long[] hits = pass.Forward(stream.Model, chunk, inputs, labels, classCount, verify: g == 0 && first == 0);
                        for (int v = 0; v < count; v++)
                            for (int y = 0; y < classCount; y++)
                                correct[g][first + v][y] += hits[v * classCount + y];
                    }
                }
            });
        }
        finally
        {
            hook.remove();
            pass._keep = pass._replacement = null;
        }
        return (correct, pass.ExpandsAtLayer);
    }

    private long[] Forward(nn.Module<Tensor, Tensor> model, AblationVariant[] chunk, Tensor inputs, Tensor labels, int classCount, bool verify)
    {
        int count = chunk.Length;
        if (ExpandsAtLayer)
        {
            try
            {
                Prepare(chunk, inputs.device);
                Tensor stacked;
                using (no_grad())
                    stacked = model.call(inputs);
                if (stacked.shape[0] == count * _batch && (!verify || chunk[0].Units.Count > 0 || CleanRowsMatch(model, inputs, stacked)))
                    return Hits(stacked, labels, count, classCount);
            }
            catch (Exception e) when (e is not Diagnostics.AuditInputException)
            {
                // A shape error downstream of the layer: the model mixes the layer's output with earlier tensors.
            }
            ExpandsAtLayer = false;
        }
        Prepare(chunk, inputs.device);
        var repeats = new long[inputs.dim()];
        Array.Fill(repeats, 1L);
        repeats[0] = count;
        Tensor logits;
        using (no_grad())
            logits = model.call(inputs.repeat(repeats));
        return Hits(logits, labels, count, classCount);
    }

    /// <summary>The stacked clean rows against a plain forward (hook idle): equal up to the float32 rounding of differently shaped products.</summary>
    private bool CleanRowsMatch(nn.Module<Tensor, Tensor> model, Tensor inputs, Tensor stacked)
    {
        (Tensor? keep, Tensor? replacement) = (_keep, _replacement);
        _keep = _replacement = null;
        try
        {
            using (no_grad())
                return model.call(inputs).allclose(stacked.narrow(0, 0, _batch), rtol: 1e-4, atol: 1e-5);
        }
        finally
        {
            (_keep, _replacement) = (keep, replacement);
        }
    }

    private static long[] Hits(Tensor logits, Tensor labels, int count, int classCount)
    {
        Tensor predicted = logits.argmax(1).view(count, -1);
        Tensor hit = predicted.eq(labels.unsqueeze(0));
        using Scalar variants = count.ToScalar(), classes = classCount.ToScalar(); // held across the calls (HeldScalars)
        Tensor cell = arange(variants, device: labels.device).mul(classes).unsqueeze(1) + labels.unsqueeze(0);
        return bincount(cell[hit], minlength: count * classCount).cpu().data<long>().ToArray();
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
        _keep = ablated.negative().add(HeldScalars.One); // 1 − ablated, as TorchSharp's operator computes it
        _replacement = ablated * tensor(useMean, [chunk.Length, 1, 1, 1], device: device) * means;
    }

    private Tensor Rewrite(Tensor output)
    {
        if (_keep is null || _replacement is null) return null!; // null keeps the module's own output
        long variants = _keep.shape[0];
        Tensor rows = UnitMeans.UnitsLast(output, _units);
        long[] outputShape = output.shape;
        if (ExpandsAtLayer && variants > 1 && rows.shape[0] == _batch)
        {
            rows = rows.repeat(variants, 1, 1);
            outputShape[0] *= variants;
        }
        if (rows.shape[0] != variants * _batch)
            throw new InvalidOperationException($"the layer saw {rows.shape[0]} rows, expected {_batch} samples × {variants} stacked ablation variants");
        Tensor edited = rows.reshape(variants, -1, rows.shape[1], rows.shape[2]) * _keep.to(output.dtype) + _replacement.to(output.dtype);
        if (_units.Axis == -1) return edited.reshape(outputShape);
        return edited.reshape(MovedShape(outputShape)).movedim([-1], [_units.Axis]);
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
