using InterpAudit.Capture;
using InterpAudit.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;

namespace InterpAudit.Lib;

/// <summary>
/// Runs the section F^l from layer l to the next audited layer (or the model output) for any model
/// (spec "Notation"): a forward hook on layer l replaces its output with a leaf tensor that requires
/// gradients, another hook reads the next layer's output, and the full forward runs in between. The
/// substituting hook returns <c>leaf.alias()</c> because TorchSharp's Sequential disposes intermediates
/// (design/torchsharp.md); the reading hook keeps an alias for the same reason.
/// </summary>
internal sealed class SectionPass(ActivationStream stream, string layer, string? next)
{
    /// <summary>
    /// One batch of the section: the leaf at layer l and the next layer's output, still on the graph, and the
    /// section's dense form when the batch was observed to be Linear (then ReLU) (<see cref="DenseSectionObserver"/>).
    /// </summary>
    public sealed record Batch(Tensor Original, Tensor Leaf, Tensor Output, DenseSection? Dense);

    /// <summary>
    /// One pass over the evaluation set. <paramref name="substitute"/> maps layer l's detached output to the
    /// value the leaf takes (the identity for M', the projection through C C⁺ for LIB edges).
    /// </summary>
    public void Run(Func<Tensor, Tensor> substitute, Action<Batch> visit)
    {
        string modelType = stream.Model.GetType().Name;
        nn.Module<Tensor, Tensor> layerModule = stream.Layers.Resolve(layer, modelType);
        nn.Module<Tensor, Tensor>? nextModule = next is null ? null : stream.Layers.Resolve(next, modelType);
        Tensor? original = null, leaf = null, output = null;
        DenseSection? dense = null;
        // Before the section's own hooks: on the next layer, the observer's hook must see its call first.
        using var observer = new DenseSectionObserver(stream.Model, layerModule);
        var hooks = new List<Action>
        {
            layerModule.register_forward_hook((_, _, o) =>
            {
                if (leaf is not null) return null!; // a module called twice: the first call is the layer
                original = o.detach().clone();
                using (no_grad())
                    leaf = substitute(original).detach().clone();
                leaf.requires_grad_(true);
                Tensor substituted = leaf.alias();
                observer.Start(substituted);
                return substituted;
            }).remove,
        };
        if (nextModule is not null)
            hooks.Add(nextModule.register_forward_hook((_, _, o) =>
            {
                if (leaf is not null && output is null)
                {
                    dense = observer.Finish(o);
                    output = o.alias();
                }
                return null!;
            }).remove);
        try
        {
            stream.ForEachBatch((inputs, _) =>
            {
                original = leaf = output = null;
                dense = null;
                using (enable_grad())
                {
                    Tensor result = stream.Model.forward(inputs);
                    if (nextModule is null && leaf is not null)
                    {
                        dense = observer.Finish(result);
                        output = result;
                    }
                    if (leaf is null)
                        throw new AuditInputException(DiagnosticCodes.SectionNotDifferentiable,
                            $"Layer '{layer}' of {modelType} is never called by its forward pass: expected a layer the output depends on.");
                    if (output is null)
                        throw new AuditInputException(DiagnosticCodes.SectionNotDifferentiable,
                            $"Layer '{next}' of {modelType} is not called after layer '{layer}' in the forward pass: expected the audited layers in a chain towards the output.");
                    if (!output.requires_grad)
                        throw NotDifferentiable(modelType);
                    visit(new Batch(original!, leaf, output, dense));
                }
            });
        }
        finally
        {
            foreach (Action remove in hooks) remove();
        }
    }

    /// <summary>∂ <paramref name="scalar"/> / ∂ leaf, keeping the graph for the next output feature.</summary>
    public Tensor Gradient(Tensor scalar, Tensor leaf)
    {
        IList<Tensor> gradients = autograd.grad([scalar], [leaf], retain_graph: true, allow_unused: true);
        Tensor? gradient = gradients.Count > 0 ? gradients[0] : null;
        if (gradient is null || gradient.IsInvalid)
            throw NotDifferentiable(stream.Model.GetType().Name);
        return gradient;
    }

    private AuditInputException NotDifferentiable(string modelType) =>
        new(DiagnosticCodes.SectionNotDifferentiable,
            $"The section of {modelType} from layer '{layer}' to {(next is null ? "the model output" : $"layer '{next}'")} is not differentiable with respect to its input (the gradient is absent: detached or computed without gradients): expected the output to depend on the layer through autograd. Remove the detach()/no_grad from forward, or audit other layers.");
}
