using InterpAudit.Capture;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace InterpAudit.Ablation;

/// <summary>
/// The second pass of <see cref="ClusterAblation"/> where the layer reaches the logits linearly
/// (<see cref="LinearReadout"/>): one plain forward per batch, then every variant's logits as the clean
/// logits plus the ablated units' share (spec modularity.md §5, written out):
/// <c>logits_v = b + W·a + Σ_{u∈S_v} W[:, u]·(φ(r_u) − a_u)</c>, with a = φ(layer output) the head's
/// input, r_u zero or the unit's mean, φ the activations. All variants of a kind in a group are one matrix
/// product (their unit masks times the per-unit shares), so no variant goes through the model: on the
/// sample fc1 runs once per batch instead of once per chunk of variants, and no edited copy of the
/// layer is made per variant.
/// <para>
/// Same predictions as <see cref="AblatedAccuracy"/>, which pushes each edited layer through the head.
/// Both give the head the same input floats (an activation of an edited unit is the same float either
/// way: ReLU and LeakyReLU round at most once), but they sum the products in different orders, so
/// their logits may differ in the last bits. Whatever order a matrix product sums in, its result is
/// within γ_{U+2}·T of the exact value, T = |b_k| + Σ_u |a'_u||W_ku| and γ_n = n·u/(1 − n·u) for the
/// model's unit roundoff u (Higham, Accuracy and Stability of Numerical Algorithms, §3.1; U the head's
/// inputs); the update, in the same precision, is within 6γ_{U+2}·T (see <see cref="CountBatch"/>).
/// Where the update's top logit leads every other by more than twice the sum, the forward pass cannot
/// pick another class. The rest — near-ties, and every exact tie — are not decided from the update:
/// their head inputs are rebuilt and run through the model's own head, as the forward pass runs them,
/// and they are counted (<see cref="ClusterAblationResult.RecomputedPredictions"/>: 24 of the 338,000
/// in the bench's 784-64-64-10 row). The one thing this does not reproduce is a forward pass whose float32 product gives a row
/// different bits in a differently sized batch, and only for those few rows; the old pass's own
/// chunking of variants was already free to do that.
/// </para>
/// <para>
/// Only on the CPU: a GPU's float32 matrix products may run in TF32 under a setting the audit does not
/// control, which the bound does not cover. Elsewhere <see cref="AblatedAccuracy"/> runs.
/// </para>
/// </summary>
internal sealed class LogitUpdateAccuracy
{
    /// <summary>Elements per product chunk: bounds the update's memory (16 MB a tensor in float32) whatever the batch and head.</summary>
    private const long ChunkElements = 1 << 22;

    private readonly IReadOnlyList<IReadOnlyList<AblationVariant>> _groups;
    private readonly int _classCount;
    private readonly long[][][] _correct;
    private readonly Tensor _means; // [1, units] float64
    private LinearReadout? _readout;
    private Tensor? _weight;                               // the head's weight, [K, U], model type
    private Tensor? _absWeight, _absBias;                  // |W| and |b| in float64, for the error bound
    private Tensor[]? _replacement;                        // per kind: φ(r) as the head sees it, [U], model type
    private Tensor[][]? _masks;                            // per group and kind: [variants of the kind, U], 0/1, model type
    private Tensor[][]? _hits;                             // per group and kind: [variants of the kind, classes], float64 counts
    private int[][][]? _members;                           // per group and kind: the variant indices in the group, in order
    private double _unitRoundoff;

    private LogitUpdateAccuracy(IReadOnlyList<IReadOnlyList<AblationVariant>> groups, int classCount, Tensor means)
    {
        _groups = groups;
        _classCount = classCount;
        _means = means;
        _correct = groups.Select(g => g.Select(_ => new long[classCount]).ToArray()).ToArray();
    }

    /// <summary>Predictions too close to call from the update, recomputed through the head.</summary>
    public long Recomputed { get; private set; }

    /// <param name="groups">
    /// Variants counted apart: each group's products and recomputed near-ties hold its variants only,
    /// so a group's counts are the same whichever groups are counted with it (a sharded audit's part of
    /// the clusters gives the unsharded audit's counts bit for bit).
    /// </param>
    /// <returns>Correct predictions per group, variant and class (<see cref="Correct"/>), or null when the model does not allow the update (then nothing was counted).</returns>
    public static LogitUpdateAccuracy? Count(ActivationStream stream, string layer, LayerUnits units, Tensor means,
        IReadOnlyList<IReadOnlyList<AblationVariant>> groups, int classCount)
    {
        if (units.Axis != -1 || means.shape[0] != 1 || stream.Device.type != DeviceType.CPU) return null;
        var pass = new LogitUpdateAccuracy(groups, classCount, means);
        nn.Module<Tensor, Tensor> model = stream.Model;
        nn.Module target = stream.Layers.Resolve(layer, model.GetType().Name);
        var calls = new List<LinearReadout.Call>();
        bool recording = false, seenLayer = false, refused = false;
        var hooks = model.named_modules()
            .Where(m => m.name.Length > 0 && !m.module.children().Any() && m.module is nn.Module<Tensor, Tensor>)
            .Select(m => ((nn.Module<Tensor, Tensor>)m.module).register_forward_hook((module, input, output) =>
            {
                if (!recording) return null!;
                seenLayer |= ReferenceEquals(module, target);
                // Copies only from the layer on: a Sequential disposes its intermediates as it goes.
                calls.Add(seenLayer ? new LinearReadout.Call(module, input.detach().clone(), output.detach().clone()) : new LinearReadout.Call(module, null, null));
                return null!; // keep the module's own output
            })).ToList();
        try
        {
            stream.ForEachBatch((inputs, labels) =>
            {
                if (refused) return;
                calls.Clear();
                seenLayer = false;
                Tensor logits;
                recording = true;
                try
                {
                    using (no_grad())
                        logits = model.call(inputs);
                }
                finally
                {
                    recording = false;
                }
                using (no_grad())
                {
                    LinearReadout? readout = LinearReadout.Read(calls, target, logits);
                    if (readout is null || (pass._readout is { } first && !ReferenceEquals(first.Head, readout.Head)) || !pass.Prepare(readout))
                    {
                        refused = true;
                        return;
                    }
                    pass.CountBatch(calls[^1].Input!, calls[^1].Output!, labels);
                }
            });
        }
        finally
        {
            foreach (var hook in hooks) hook.remove();
        }
        try
        {
            if (!refused && pass._readout is not null) pass.Collect();
        }
        finally
        {
            pass.Release();
        }
        return refused ? null : pass;
    }

    /// <summary>Correct predictions per group, variant and class.</summary>
    public long[][][] Correct => _correct;

    /// <summary>The hit counts into <see cref="Correct"/>, by variant.</summary>
    private void Collect()
    {
        for (int g = 0; g < _groups.Count; g++)
            for (int kind = 0; kind < Kinds.Length; kind++)
            {
                int[] members = _members![g][kind];
                if (members.Length == 0) continue;
                long[] hits = _hits![g][kind].to_type(ScalarType.Int64).data<long>().ToArray();
                for (int v = 0; v < members.Length; v++)
                    for (int y = 0; y < _classCount; y++)
                        _correct[g][members[v]][y] = hits[v * _classCount + y];
            }
    }

    private bool Prepare(LinearReadout readout)
    {
        if (_readout is not null) return true;
        Linear head = readout.Head;
        ScalarType type = head.weight!.dtype;
        if (type is not (ScalarType.Float32 or ScalarType.Float64)) return false;
        _unitRoundoff = type == ScalarType.Float32 ? Math.ScaleB(1, -24) : Math.ScaleB(1, -53);
        _readout = readout;
        long u = head.weight.shape[1];
        _weight = head.weight.detach().contiguous().DetachFromDisposeScope();
        _absWeight = _weight.abs().to_type(ScalarType.Float64).DetachFromDisposeScope();
        _absBias = (head.bias is { } b ? b.detach().abs().to_type(ScalarType.Float64) : zeros(head.weight.shape[0], ScalarType.Float64)).DetachFromDisposeScope();
        // φ(r) for each kind, through the model's own activation modules in its type: what the forward
        // pass feeds the head for an ablated unit (the hook writes r there, in the model's type).
        _replacement = Kinds.Select(kind =>
        {
            using Tensor r = kind == AblationKind.Mean ? _means.to_type(type).reshape(1, u) : zeros([1, u], type);
            return readout.Activate(r).reshape(u).DetachFromDisposeScope();
        }).ToArray();
        _members = _groups.Select(group => Kinds.Select(kind => Enumerable.Range(0, group.Count).Where(v => group[v].Kind == kind).ToArray()).ToArray()).ToArray();
        _masks = _members.Select((byKind, g) => byKind.Select(members =>
        {
            var mask = new double[members.Length * u];
            for (int i = 0; i < members.Length; i++)
                foreach (int unit in _groups[g][members[i]].Units) mask[i * u + unit] = 1;
            return tensor(mask, [members.Length, u]).to_type(type).DetachFromDisposeScope();
        }).ToArray()).ToArray();
        _hits = _members.Select(byKind => byKind.Select(members => zeros([members.Length, _classCount], ScalarType.Float64).DetachFromDisposeScope()).ToArray()).ToArray();
        return true;
    }

    private static readonly AblationKind[] Kinds = [AblationKind.Zero, AblationKind.Mean];

    /// <param name="headInput">a, the head's input in the plain forward pass, [n, U].</param>
    /// <param name="clean">The head's output in that pass: the clean logits, [n, K].</param>
    private void CountBatch(Tensor headInput, Tensor clean, Tensor labels)
    {
        long n = headInput.shape[0], u = headInput.shape[1], k = _weight!.shape[0];
        Tensor a = headInput;
        // T = |b| + Σ_u max(|a_u|, |φ(0)_u|, |φ(mean)_u|)·|W_ku|, in float64, bounds every variant's
        // |b| + Σ_u |a'_u||W_ku| and the magnitude of every term the update adds.
        Tensor largest = a.abs().maximum(_replacement![0].abs()).maximum(_replacement[1].abs()).to_type(ScalarType.Float64);
        Tensor magnitude = largest.matmul(_absWeight!.t()).add_(_absBias!);
        // On T: the forward pass's head is within γ_{U+2}·T of the exact logits, and so are the clean
        // logits the update starts from; the differences and their products with W add 2γ₂·T at most
        // (|φ(r) − a| ≤ 2·max), the sum of U + 1 terms γ_U·3T: 6γ_{U+2}·T for the update, 7 in all,
        // and 1e-9 more for the float64 rounding of T itself. Twice that, as both logits may move,
        // and 4u·T more because the threshold top − allowance is rounded to the model's type
        // (|top| ≤ 1.01·T).
        double bound = 7 * Gamma(u + 2, _unitRoundoff) * (1 + 1e-9);
        using Scalar margin = (2 * bound + 4 * _unitRoundoff).ToScalar(); // held across the call (HeldScalars)
        Tensor allowance = magnitude.amax(1).mul_(margin); // [n]
        long perChunk = Math.Max(1, ChunkElements / Math.Max(u * k, 1));
        // One-hot labels: a variant's hits per class are then one product, not a boolean gather.
        Tensor classes = nn.functional.one_hot(labels, _classCount).to_type(ScalarType.Float64);
        for (int kind = 0; kind < Kinds.Length; kind++)
        {
            // The chunk's rows follow from the largest group, not from the groups counted together: a
            // cluster's groups are all alike (the cluster, its random sets, the clean variant), so a part
            // of the clusters chunks the batch as the whole measurement does.
            int largestGroup = _members!.Max(byKind => byKind[kind].Length);
            if (largestGroup == 0) continue;
            Tensor replacement = _replacement[kind];
            long rowsPerChunk = Math.Max(1, Math.Min(perChunk, ChunkElements / Math.Max(largestGroup * k, 1)));
            for (long start = 0; start < n; start += rowsPerChunk)
            {
                using var scope = NewDisposeScope();
                long rows = Math.Min(rowsPerChunk, n - start);
                Tensor difference = replacement.unsqueeze(0) - a.narrow(0, start, rows);                // [rows, U]
                Tensor share = (difference.t().unsqueeze(2) * _weight.t().unsqueeze(1)).reshape(u, rows * k); // [U, rows·K]
                Tensor cleanRows = clean.narrow(0, start, rows).reshape(1, rows * k);
                Tensor batchClasses = classes.narrow(0, start, rows);
                Tensor batchLabels = labels.narrow(0, start, rows).unsqueeze(0);
                for (int g = 0; g < _groups.Count; g++)
                {
                    int[] members = _members![g][kind];
                    if (members.Length == 0) continue;
                    Tensor logits = addmm(cleanRows, _masks![g][kind], share, beta: 1, alpha: 1).view(members.Length, rows, k); // [V, rows, K]
                    (Tensor top, Tensor predicted) = logits.max(2);
                    // Decided: no other logit within the allowance of the top one (a tie is never decided,
                    // so which of the tied indices max returns does not matter).
                    Tensor threshold = top.to_type(ScalarType.Float64) - allowance.narrow(0, start, rows).unsqueeze(0);
                    Tensor contenders = logits.ge(threshold.to_type(logits.dtype).unsqueeze(2)).sum(2, type: ScalarType.Int32);
                    Tensor undecided = contenders.gt(HeldScalars.One);
                    if (undecided.any().item<bool>())
                        predicted = Recompute(predicted, undecided, headInput.narrow(0, start, rows), _masks[g][kind], kind);
                    Tensor hit = predicted.eq(batchLabels).to_type(ScalarType.Float64);
                    _hits![g][kind].add_(hit.matmul(batchClasses)); // exact: counts far below 2^53
                }
            }
        }
    }

    /// <summary>
    /// The undecided predictions from the model's own head: each one's head input rebuilt as the
    /// forward pass builds it (the clean input, the variant's units set to φ(r)), in the model's type.
    /// </summary>
    private Tensor Recompute(Tensor predicted, Tensor undecided, Tensor headInput, Tensor masks, int kind)
    {
        Tensor where = undecided.nonzero();            // [R, 2]: variant (within the group's kind), sample
        Tensor variant = where.select(1, 0), sample = where.select(1, 1);
        Tensor ablated = masks.index_select(0, variant).gt(HeldScalars.Zero);
        Tensor inputs = torch.where(ablated, _replacement![kind].unsqueeze(0).expand_as(ablated), headInput.index_select(0, sample));
        Tensor logits = _readout!.Head.call(inputs);
        Recomputed += where.shape[0];
        Tensor result = predicted.clone();
        result.index_put_(logits.argmax(1), variant, sample);
        return result;
    }

    private static double Gamma(long n, double unitRoundoff) => n * unitRoundoff / (1 - n * unitRoundoff);

    private void Release()
    {
        foreach (Tensor? t in new[] { _weight, _absWeight, _absBias }) t?.Dispose();
        foreach (Tensor t in _replacement ?? []) t.Dispose();
        foreach (Tensor t in (_masks ?? []).Concat(_hits ?? []).SelectMany(byKind => byKind)) t.Dispose();
    }
}
