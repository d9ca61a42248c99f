using System.Security.Cryptography;
using InterpAudit.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;

namespace InterpAudit.Capture;

/// <summary>
/// Streams the evaluation set through the model, batch by batch, and hands each measurement the
/// outputs of the layers it asked for. Forward hooks copy those outputs because TorchSharp's
/// <c>Sequential</c> disposes intermediate tensors as it goes. Each pass validates the data (finite
/// inputs, labels in range), fingerprints it, and checks that every pass saw the same data; every
/// forward pass checks that the model gives one logit per class name.
/// Floating-point inputs are handed over in the model's own floating-point type (a float64 data source
/// for a float32 model is a matter of representation, not of meaning); the fingerprint is of the data
/// as the source yielded it.
/// </summary>
public sealed class ActivationStream
{
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly Func<int, IEnumerable<LabelledBatch>> _batches;
    private readonly int _batchSize;
    private readonly int _classCount;
    private readonly ModelLayers _layers;
    private readonly string _modelType;

    public ActivationStream(nn.Module<Tensor, Tensor> model, Func<int, IEnumerable<LabelledBatch>> batches,
        Device device, int batchSize, int classCount, string? modelType = null)
    {
        _model = model;
        _batches = batches;
        _batchSize = batchSize;
        _classCount = classCount;
        _layers = new ModelLayers(model);
        _modelType = modelType ?? model.GetType().Name;
        _inputType = model.parameters().Select(p => p.dtype)
            .Where(t => t is ScalarType.Float16 or ScalarType.BFloat16 or ScalarType.Float32 or ScalarType.Float64)
            .Cast<ScalarType?>().FirstOrDefault();
        Device = device;
    }

    /// <summary>The model's floating-point parameter type, which floating-point inputs are converted to; null for a model without one.</summary>
    private readonly ScalarType? _inputType;

    public Device Device { get; }

    public nn.Module<Tensor, Tensor> Model => _model;

    public ModelLayers Layers => _layers;

    public int ClassCount => _classCount;

    /// <summary>The data seen by the first complete pass; null before it.</summary>
    public DatasetIdentity? Dataset { get; private set; }

    /// <summary>
    /// One pass over the evaluation set without gradients. <paramref name="visit"/> sees each batch on
    /// the device; the batch's tensors are disposed when it returns.
    /// </summary>
    internal DatasetIdentity ForEach(IReadOnlyList<string> layers, Action<CapturedBatch> visit)
    {
        var modules = layers.Distinct().ToDictionary(name => name, name => _layers.Resolve(name, _modelType));
        var captured = new Dictionary<string, Tensor>();
        var hooks = modules.Select(layer => layer.Value.register_forward_hook((_, _, output) =>
        {
            captured[layer.Key] = output.detach().clone();
            return null!; // null keeps the module's own output (TorchSharp's hook contract)
        })).ToList();
        try
        {
            return Pass((inputs, labels) =>
            {
                captured.Clear();
                Tensor logits;
                using (no_grad())
                    logits = _model.forward(inputs);
                RequireLogitWidth(logits);
                RequireFinite(logits, "the model output (logits)");
                foreach ((string name, Tensor activation) in captured)
                    RequireFinite(activation, $"layer '{name}'");
                visit(new CapturedBatch(inputs, labels, logits, captured));
            });
        }
        finally
        {
            foreach (var hook in hooks) hook.remove();
        }
    }

    /// <summary>
    /// The pass before any measurement: validates and fingerprints all the data (so that
    /// <see cref="Dataset"/> and its class counts are known) and runs the model once, on the first
    /// non-empty batch, to check the width of its output. Measurements that drive the model themselves
    /// would otherwise argmax, prune or ablate over logits that do not match the class names.
    /// </summary>
    public DatasetIdentity Preflight()
    {
        bool checkedWidth = false;
        return Pass((inputs, _) =>
        {
            if (checkedWidth || inputs.shape[0] == 0) return;
            using (no_grad())
                RequireLogitWidth(_model.forward(inputs));
            checkedWidth = true;
        });
    }

    /// <summary>
    /// One pass that hands over validated inputs and labels on the device and runs no forward pass, for
    /// measurements that drive the model themselves (with gradients or substituted activations).
    /// </summary>
    public DatasetIdentity ForEachBatch(Action<Tensor, Tensor> visit) => Pass(visit);

    private DatasetIdentity Pass(Action<Tensor, Tensor> visit)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long samples = 0;
        var classCounts = new long[_classCount];
        int index = 0;
        using IEnumerator<LabelledBatch> batches = StartTargetEnumeration();
        while (NextTargetBatch(batches, index) is { } batch)
        {
            using (batch)
            using (NewDisposeScope())
            {
                Tensor labels = ValidateLabels(batch, index);
                Tensor inputs = InModelType(batch.Inputs);
                // After the conversion: a float64 value beyond float32's range becomes infinite there.
                RequireFiniteData(inputs, index);
                Fingerprint(hash, batch.Inputs, labels);
                long[] counts = bincount(labels, minlength: _classCount).data<long>().ToArray();
                for (int c = 0; c < _classCount; c++) classCounts[c] += counts[c];
                samples += labels.shape[0];
                // An empty batch is valid (a filtering source may yield one) but holds nothing to
                // measure, and TorchSharp cannot read the elements of an empty tensor into an array,
                // which every measurement does: it is validated and fingerprinted, not visited.
                if (labels.shape[0] > 0)
                    visit(inputs.to(Device), labels.to(Device));
            }
            index++;
        }
        if (samples == 0)
            throw new AuditInputException(DiagnosticCodes.EmptyEvaluationSet,
                "IAuditTarget.EvaluationBatches yielded no samples: expected at least one labelled batch.");

        var identity = new DatasetIdentity(samples, Convert.ToHexStringLower(hash.GetHashAndReset()), classCounts);
        if (Dataset is null)
            Dataset = identity;
        else if (Dataset.Sha256 != identity.Sha256 || Dataset.SampleCount != identity.SampleCount)
            throw new AuditInputException(DiagnosticCodes.EvaluationDataNotRepeatable,
                $"IAuditTarget.EvaluationBatches yielded different data on a later pass ({identity.SampleCount} samples, SHA-256 {identity.Sha256[..12]}…) than on the first ({Dataset.SampleCount}, {Dataset.Sha256[..12]}…): expected the same samples in the same order every time. Do not shuffle or augment evaluation data.");
        return identity;
    }

    private IEnumerator<LabelledBatch> StartTargetEnumeration()
    {
        try
        {
            return _batches(_batchSize).GetEnumerator();
        }
        catch (Exception e) when (e is not AuditInputException)
        {
            throw TargetFailed(e, 0);
        }
    }

    private static LabelledBatch? NextTargetBatch(IEnumerator<LabelledBatch> batches, int index)
    {
        try
        {
            return batches.MoveNext() ? batches.Current : null;
        }
        catch (Exception e) when (e is not AuditInputException)
        {
            throw TargetFailed(e, index);
        }
    }

    private static AuditInputException TargetFailed(Exception e, int index) =>
        new(DiagnosticCodes.AuditTargetFailed,
            $"IAuditTarget.EvaluationBatches threw {e.GetType().Name} at batch {index}: {e.Message}", inner: e);

    private Tensor ValidateLabels(LabelledBatch batch, int index)
    {
        Tensor labels = batch.Labels;
        if (labels.dim() != 1 || batch.Inputs.dim() < 1 || labels.shape[0] != batch.Inputs.shape[0])
            throw new AuditInputException(DiagnosticCodes.LabelOutOfRange,
                $"Evaluation batch {index}: expected labels of shape [{(batch.Inputs.dim() > 0 ? batch.Inputs.shape[0] : 0)}] (one per input), found [{string.Join(", ", labels.shape)}].");
        if (labels.is_floating_point() || labels.dtype == ScalarType.Bool)
            throw new AuditInputException(DiagnosticCodes.LabelOutOfRange,
                $"Evaluation batch {index}: expected integer class labels, found {labels.dtype}.");
        Tensor asLong = labels.cpu().to_type(ScalarType.Int64);
        if (asLong.shape[0] == 0) return asLong;
        long min = asLong.min().item<long>(), max = asLong.max().item<long>();
        if (min < 0 || max >= _classCount)
            throw new AuditInputException(DiagnosticCodes.LabelOutOfRange,
                $"Evaluation batch {index}: expected labels in 0..{_classCount - 1} (one per class name), found {(min < 0 ? min : max)}.");
        return asLong;
    }

    private Tensor InModelType(Tensor inputs) =>
        _inputType is { } type && inputs.is_floating_point() && inputs.dtype != type ? inputs.to_type(type) : inputs;

    /// <summary>IA3027 unless the output is [batch, classes]: one logit per class name, in order.</summary>
    private void RequireLogitWidth(Tensor logits)
    {
        if (logits.dim() == 2 && logits.shape[1] == _classCount) return;
        string found = logits.dim() == 2 ? $"{logits.shape[1]} logits" : $"{logits.dim()} dimensions";
        throw new AuditInputException(DiagnosticCodes.LogitWidthMismatch,
            $"The output (logits) of {_modelType} has shape [{string.Join(", ", logits.shape)}]: expected [{(logits.dim() > 0 ? logits.shape[0] : 0)}, {_classCount}], one logit per class name ({_classCount} ClassNames), found {found}. Make the model's last layer output one value per class, or list every class it predicts in ClassNames.");
    }

    private static void RequireFiniteData(Tensor inputs, int index)
    {
        if (!inputs.is_floating_point()) return;
        using var finite = isfinite(inputs);
        if (finite.all().item<bool>()) return;
        long firstBad = finite.logical_not().reshape(inputs.shape[0], -1).any(1).nonzero()[0, 0].item<long>();
        throw new AuditInputException(DiagnosticCodes.NonFiniteData,
            $"Evaluation batch {index} contains NaN or infinite inputs (first at sample {firstBad} of the batch): expected finite values. Fix the data or its preprocessing.");
    }

    private void RequireFinite(Tensor tensor, string what)
    {
        using var finite = isfinite(tensor);
        if (!finite.all().item<bool>())
            throw new AuditInputException(DiagnosticCodes.NonFiniteActivations,
                $"{what} of {_modelType} contains NaN or infinite values on finite inputs: expected finite activations. The weights may be diverged; retrain or check the model.");
    }

    private static void Fingerprint(IncrementalHash hash, Tensor inputs, Tensor labels)
    {
        using Tensor data = inputs.cpu().contiguous();
        hash.AppendData(data.bytes);
        using Tensor contiguousLabels = labels.contiguous();
        hash.AppendData(contiguousLabels.bytes);
    }
}
