using TorchSharp.Modules;
using static TorchSharp.torch;

namespace InterpAudit.Lib;

/// <summary>
/// Watches a section's forward pass and says, per batch, whether it was exactly Linear (then ReLU) from the
/// leaf to the section's output, so that <see cref="DenseSection"/> may take its gradients; otherwise the
/// caller keeps to autograd, the general path. Any model qualifies, not only a Sequential: the proof is the
/// data flow observed through forward hooks on every Linear and ReLU of the model, not the model's type.
/// A batch qualifies only if
/// <list type="bullet">
/// <item>the first Linear or ReLU called after the layer is a <see cref="Linear"/> (exactly that type)
///   called on the very tensor the layer's hook returned, 2-D, and its output is linear(input, W, b)
///   recomputed bit for bit (no subclass, no other hook changed it);</item>
/// <item>what follows, if anything before the section's output, is one <see cref="ReLU"/> called on the
///   Linear's output object with its values unchanged, whose output is relu(input);</item>
/// <item>the section's output is that last module's output object, its values unchanged.</item>
/// </list>
/// Anything else between them (another module, a skip, an in-place edit) breaks the object chain or the
/// values, and the batch falls back to autograd.
/// </summary>
internal sealed class DenseSectionObserver : IDisposable
{
    private readonly List<Action> _removers = [];
    private Tensor? _leaf;
    private Linear? _linear;
    private Tensor? _last, _lastValues, _reluOutput;
    private bool _relu, _broken, _closed;

    /// <param name="model">The audited model: every Linear and ReLU in it is watched.</param>
    /// <param name="layer">The section's first layer, whose output is the leaf (not watched itself).</param>
    public DenseSectionObserver(nn.Module model, nn.Module layer)
    {
        foreach (nn.Module module in model.modules())
        {
            if (ReferenceEquals(module, layer)) continue;
            if (module.GetType() == typeof(Linear))
                _removers.Add(((Linear)module).register_forward_hook((m, input, output) => { SeeLinear((Linear)m, input, output); return null!; }).remove);
            else if (module.GetType() == typeof(ReLU))
                _removers.Add(((ReLU)module).register_forward_hook((_, input, output) => { SeeRelu(input, output); return null!; }).remove);
        }
    }

    /// <summary>A batch's section starts: <paramref name="leaf"/> is the tensor the layer's hook returned.</summary>
    public void Start(Tensor leaf)
    {
        _leaf = leaf;
        _linear = null;
        _last = _lastValues = _reluOutput = null;
        _relu = _broken = _closed = false;
    }

    /// <summary>
    /// The batch's section ended with <paramref name="output"/> (the object the next layer returned, or the
    /// model's output): its dense form, or null when autograd must take the gradients. Later calls of
    /// watched modules in the same forward pass (the layers after the section) are ignored.
    /// </summary>
    public DenseSection? Finish(Tensor output)
    {
        if (_leaf is null || _closed) return null;
        _closed = true;
        bool dense = !_broken && _linear is not null && ReferenceEquals(output, _last) && Same(output, _lastValues!);
        return dense ? new DenseSection(_linear!.weight!.detach(), _reluOutput, output.shape[0]) : null;
    }

    private void SeeLinear(Linear linear, Tensor input, Tensor output)
    {
        if (_leaf is null || _broken || _closed) return;
        if (_linear is not null || !ReferenceEquals(input, _leaf) || input.dim() != 2 || output.dim() != 2) { _broken = true; return; }
        using (no_grad())
        using (Tensor expected = nn.functional.linear(input, linear.weight!, linear.bias))
            if (!Same(output, expected)) { _broken = true; return; }
        _linear = linear;
        Keep(output);
    }

    private void SeeRelu(Tensor input, Tensor output)
    {
        if (_leaf is null || _broken || _closed) return;
        if (_linear is null || _relu || !ReferenceEquals(input, _last) || !Same(input, _lastValues!)) { _broken = true; return; }
        using (no_grad())
        using (Tensor expected = input.relu())
            if (!Same(output, expected)) { _broken = true; return; }
        _relu = true;
        _reluOutput = output.detach();
        Keep(output);
    }

    // The values are cloned: the model may dispose or edit the tensor after the call (the sample's forward
    // disposes its intermediates), and an edit in place between two modules must show.
    private void Keep(Tensor output)
    {
        _last = output;
        _lastValues = output.detach().clone();
    }

    // Same shape and values (NaN differs from itself: a batch with NaN keeps to autograd).
    private static bool Same(Tensor a, Tensor b)
    {
        if (!a.shape.SequenceEqual(b.shape)) return false;
        using Tensor equal = a.eq(b), all = equal.all();
        return all.item<bool>();
    }

    public void Dispose()
    {
        foreach (Action remove in _removers) remove();
    }
}
