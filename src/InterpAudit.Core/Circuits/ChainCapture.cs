using InterpAudit.Capture;
using InterpAudit.Diagnostics;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace InterpAudit.Circuits;

/// <summary>
/// Finds the chain of Linear layers ECS prunes, by watching the model run rather than trusting its
/// registration order: forward hooks on every leaf module record which modules run, in which order,
/// and what the first Linear layer receives. From the first Linear on, only Linear layers and
/// element-wise activations may run, each once, ending with a Linear. The chain is then recomputed
/// in float64 on the first batch and must reproduce the model's logits, which rules out what hooks
/// cannot see (a residual addition, a functional activation, a second branch). Anything else is
/// refused with IA3026, naming what was expected and what was found.
/// </summary>
internal static class ChainCapture
{
    /// <summary>|chain − model| may reach this share of (1 + |logit|): float32 round-off is ~1e-6 of it.</summary>
    private const double LogitTolerance = 1e-3;

    public static CapturedChain Capture(ActivationStream stream, int maxSamplesPerClass)
    {
        nn.Module<Tensor, Tensor> model = stream.Model;
        string modelType = model.GetType().Name;
        var leaves = model.named_modules()
            .Where(m => m.name.Length > 0 && !m.module.children().Any())
            .Select(m => (Name: m.name, Module: m.module))
            .ToList();

        var calls = new List<(string Name, nn.Module Module)>();
        Tensor? chainInput = null;
        var hooks = leaves.Where(leaf => leaf.Module is nn.Module<Tensor, Tensor>).Select(leaf =>
            ((nn.Module<Tensor, Tensor>)leaf.Module).register_forward_hook((_, input, _) =>
            {
                calls.Add((leaf.Name, leaf.Module));
                if (leaf.Module is Linear && chainInput is null)
                    chainInput = input.detach().cpu().to_type(ScalarType.Float64).clone();
                return null!; // keep the module's own output
            })).ToList();

        LinearChain? chain = null;
        var rows = Enumerable.Range(0, stream.ClassCount).Select(_ => new List<double[]>()).ToArray();
        try
        {
            stream.ForEachBatch((inputs, labels) =>
            {
                calls.Clear();
                chainInput = null; // the batch's dispose scope owns the previous one
                Tensor logits;
                using (no_grad())
                    logits = model.forward(inputs);
                if (chain is null)
                {
                    chain = Build(calls, modelType);
                    Verify(chain, chainInput!, logits, modelType);
                }
                double[] flat = chainInput!.reshape(-1).data<double>().ToArray();
                long[] label = labels.cpu().data<long>().ToArray();
                int width = chain.InputSize;
                for (int s = 0; s < label.Length; s++)
                    if (rows[label[s]].Count < maxSamplesPerClass)
                        rows[label[s]].Add(flat.AsSpan(s * width, width).ToArray());
            });
        }
        finally
        {
            foreach (var hook in hooks) hook.remove();
        }

        LinearChain captured = chain!;
        return new CapturedChain(captured, rows.Select((r, label) =>
            new ClassInputs(label, r.Count, captured.InputSize, r.SelectMany(x => x).ToArray())).ToArray());
    }

    private static LinearChain Build(List<(string Name, nn.Module Module)> calls, string modelType)
    {
        string ran = calls.Count == 0 ? "no module" : string.Join(" → ", calls.Select(c => $"{c.Name} ({c.Module.GetType().Name})"));
        int first = calls.FindIndex(c => c.Module is Linear);
        if (first < 0)
            throw Unsupported(modelType, $"no Linear layer ran through a hook (modules that ran: {ran}). Layers must be called with call(), not forward(), for hooks to see them");
        string? repeated = calls.Skip(first).GroupBy(c => c.Name).FirstOrDefault(g => g.Count() > 1)?.Key;
        if (repeated is not null)
            throw Unsupported(modelType, $"'{repeated}' ran more than once in one forward pass (shared weights); found {ran}");
        if (calls[^1].Module is not Linear)
            throw Unsupported(modelType, $"'{calls[^1].Name}' ({calls[^1].Module.GetType().Name}) ran after the last Linear layer; expected the last Linear layer's output to be the logits. Found {ran}");

        var layers = new List<ChainLayer>();
        Linear? pending = null;
        string pendingName = "";
        ElementwiseActivation activation = ElementwiseActivation.Identity;
        foreach ((string name, nn.Module module) in calls.Skip(first))
        {
            if (module is Linear linear)
            {
                if (pending is not null) layers.Add(Layer(pendingName, pending, activation));
                pending = linear;
                pendingName = name;
                activation = ElementwiseActivation.Identity;
                continue;
            }
            ElementwiseActivation? found = ElementwiseActivation.Of(name, module);
            if (found is null)
                throw Unsupported(modelType, $"'{name}' ({module.GetType().Name}) runs between Linear layers; expected only element-wise activations there (ReLU, LeakyReLU, Tanh, Sigmoid, Identity, Dropout). Found {ran}");
            if (found.Kind == ActivationKind.Identity) continue;
            if (activation.Kind != ActivationKind.Identity)
                throw Unsupported(modelType, $"two activations, '{activation.Name}' and '{name}', run between the same Linear layers; expected at most one. Found {ran}");
            activation = found;
        }
        layers.Add(Layer(pendingName, pending!, ElementwiseActivation.Identity));
        for (int l = 1; l < layers.Count; l++)
            if (layers[l].Inputs != layers[l - 1].Outputs)
                throw Unsupported(modelType, $"'{layers[l].Name}' takes {layers[l].Inputs} inputs but '{layers[l - 1].Name}' gives {layers[l - 1].Outputs}: its input is not the previous Linear layer's output. Found {ran}");
        return new LinearChain(layers);
    }

    private static ChainLayer Layer(string name, Linear linear, ElementwiseActivation activation)
    {
        using Tensor weight = linear.weight!.detach().cpu().to_type(ScalarType.Float64).contiguous();
        int outputs = (int)weight.shape[0], inputs = (int)weight.shape[1];
        double[] bias = linear.bias is { } b
            ? b.detach().cpu().to_type(ScalarType.Float64).data<double>().ToArray()
            : new double[outputs];
        return new ChainLayer(name, outputs, inputs, weight.data<double>().ToArray(), bias, activation);
    }

    private static void Verify(LinearChain chain, Tensor chainInput, Tensor logits, string modelType)
    {
        if (chainInput.dim() != 2 || chainInput.shape[1] != chain.InputSize)
            throw Unsupported(modelType, $"the first Linear layer '{chain.Layers[0].Name}' receives a tensor of shape [{string.Join(", ", chainInput.shape)}]; expected [batch, {chain.InputSize}] (flatten the input before it)");
        if (logits.dim() != 2 || logits.shape[1] != chain.ClassCount)
            throw Unsupported(modelType, $"the model's output has shape [{string.Join(", ", logits.shape)}]; expected [batch, {chain.ClassCount}], the last Linear layer's output");
        int n = (int)chainInput.shape[0];
        var samples = new ClassInputs(0, n, chain.InputSize, chainInput.reshape(-1).data<double>().ToArray());
        double[] recomputed = ChainActivations.Compute(chain, chain.CopyWeights(), samples).Z[^1];
        double[] actual = logits.detach().cpu().to_type(ScalarType.Float64).reshape(-1).data<double>().ToArray();
        double worst = 0;
        for (int k = 0; k < actual.Length; k++)
            worst = Math.Max(worst, Math.Abs(actual[k] - recomputed[k]) / (1 + Math.Abs(actual[k])));
        if (!(worst <= LogitTolerance))
            throw Unsupported(modelType, $"recomputing {chain.Describe()} gives logits that differ from the model's by up to {worst:0.###e+0} (relative; expected at most {LogitTolerance:0e+0}): the model's forward does more than this chain (a residual connection, a functional activation, another branch?)");
    }

    private static AuditInputException Unsupported(string modelType, string found) =>
        new(DiagnosticCodes.UnsupportedCircuitModel,
            $"[CircuitCheck] needs a model whose Linear layers form one chain with element-wise activations between them (e.g. Linear → ReLU → Linear), the last giving the logits; in {modelType}, {found}. Audit an MLP, or remove the check.");
}
