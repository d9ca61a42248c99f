using System.Diagnostics;
using InterpAudit.Capture;
using InterpAudit.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;

namespace InterpAudit.Lib;

/// <summary>
/// The Local Interaction Basis of a chain of layers and its PCA baseline (spec lib.md; Bushnaq et al.
/// 2024, arXiv 2405.10928). Works backwards from the model output (C^L = I): for each audited layer,
/// one pass accumulates the Jacobian Gram M' of the next layer's features (and the PCA edges), the
/// bases follow from two float64 eigendecompositions, and a second pass takes the LIB edges through the
/// projection onto the kept features. Everything is accumulated as running sums in float64 on the
/// audit's device; activations are never collected.
/// </summary>
internal static class LocalInteractionBasis
{
    /// <summary>The name the model output goes by in results and scopes.</summary>
    public const string OutputName = "output";

    private sealed class LayerState(string name)
    {
        public string Name { get; } = name;
        public Tensor Mean = null!, Axes = null!, Variances = null!, C = null!, CPlus = null!, Lambda = null!;
        public int Units;
        public long Samples;
        public LibLayerResult? Result;
    }

    public static LibAnalysis Measure(ActivationStream stream, IReadOnlyList<string> layers, LibOptions options, IProgress<string>? progress = null)
    {
        string modelType = stream.Model.GetType().Name;
        string[] names = layers.Distinct().ToArray();
        if (names.Length == 0) throw new ArgumentException("At least one layer is needed.", nameof(layers));
        foreach (string name in names) stream.Layers.Resolve(name, modelType);

        // Fixed for the whole measurement, so that every layer is chunked by the same rule.
        options = options with { GradientBufferBytes = options.GradientBufferBytes ?? LibMemoryBudget.For(stream.Device) };
        using var scope = NewDisposeScope();
        (List<LayerState> states, LayerState output, long inputSamples) = Moments(stream, names, options.Tau, modelType);

        // Backwards from the output (spec "Algorithm"): the output is not rotated, C^L = I.
        output.C = output.CPlus = eye(output.Units, dtype: ScalarType.Float64, device: stream.Device);
        output.Axes = output.C;
        var edges = new LibEdgeMatrices[states.Count];
        var interactions = new LibInteractionResult[states.Count];
        for (int index = states.Count - 1; index >= 0; index--)
        {
            LayerState current = states[index], next = index + 1 < states.Count ? states[index + 1] : output;
            long start = Stopwatch.GetTimestamp();
            var section = new SectionPass(stream, current.Name, next == output ? null : next.Name);
            (double gflop, double accumulationSeconds) = JacobianGramAndPcaEdges(section, current, next, options, stream.Device, out Tensor pcaEdges);
            Tensor libEdges = LibEdges(section, current, next, options, stream.Device);
            double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;

            double[] lambda = ToArray(current.Lambda), variances = ToArray(current.Variances);
            current.Result = new LibLayerResult(current.Name, current.Units, current.Samples, lambda.Length,
                LibBasis.FeaturesHolding(lambda, 0.99), variances.Length, LibBasis.FeaturesHolding(variances, 0.99),
                lambda, variances, seconds, gflop, accumulationSeconds);
            edges[index] = new LibEdgeMatrices(current.Name, next.Name, ToArray2D(libEdges), ToArray2D(pcaEdges));
            interactions[index] = Summarise(edges[index], options.TopEdges);
            progress?.Report(
                $"lib {current.Name} → {next.Name}: {lambda.Length} LIB / {variances.Length} PCA features of {current.Units} units, " +
                $"{current.Samples:N0} samples in {seconds:F2} s ({current.Samples / Math.Max(seconds, 1e-9):N0} samples/s; " +
                $"M' accumulation {current.Result.AccumulationGflopsPerSecond:F1} GFLOP/s)");
        }

        var result = new LibResult(options.Tau, inputSamples, states.Select(s => s.Result!).ToList(), interactions,
            $"torch.linalg.eigh, float64, on {stream.Device}");
        var bases = states.Select(s => new LibLayerBasis(s.Name, ToArray(s.Mean), ToArray2D(s.C), ToArray2D(s.CPlus), ToArray2D(s.Axes))).ToList();
        return new LibAnalysis(result, bases, edges);
    }

    /// <summary>
    /// Spec steps 1–2 for every audited layer in one pass without gradients: the running mean and
    /// covariance, and the layers' forward order (the order their hooks fire). The output's mean too.
    /// </summary>
    private static (List<LayerState> States, LayerState Output, long InputSamples) Moments(
        ActivationStream stream, string[] names, double tau, string modelType)
    {
        var moments = names.ToDictionary(n => n, _ => new LayerMoments());
        using var outputMoments = new LayerMoments();
        var order = new List<string>();
        var fired = new HashSet<string>();
        long inputSamples = 0;
        var hooks = names.Select(name => stream.Layers.Resolve(name, modelType).register_forward_hook((_, _, o) =>
        {
            if (fired.Add(name)) // a module called twice per forward: its first call is the layer
            {
                moments[name].Add(o);
                if (!order.Contains(name)) order.Add(name);
            }
            return null!;
        })).ToList();
        try
        {
            stream.ForEachBatch((inputs, _) =>
            {
                fired.Clear();
                using (no_grad())
                    outputMoments.Add(stream.Model.forward(inputs));
                inputSamples += inputs.shape[0];
                string? missing = names.FirstOrDefault(n => !fired.Contains(n));
                if (missing is not null)
                    throw new AuditInputException(DiagnosticCodes.SectionNotDifferentiable,
                        $"Layer '{missing}' of {modelType} is never called by its forward pass: expected a layer the output depends on.");
            });

            var states = order.Select(name => State(name, moments[name], tau, modelType)).ToList();
            var output = new LayerState(OutputName) { Units = outputMoments.Width, Samples = outputMoments.Samples };
            (output.Mean, _) = outputMoments.Finish();
            return (states, output, inputSamples);
        }
        finally
        {
            foreach (var hook in hooks) hook.remove();
            foreach (LayerMoments m in moments.Values) m.Dispose();
        }
    }

    private static LayerState State(string name, LayerMoments moments, double tau, string modelType)
    {
        var state = new LayerState(name) { Units = moments.Width, Samples = moments.Samples };
        if (moments.Samples <= moments.Width)
            throw new AuditInputException(DiagnosticCodes.TooFewSamplesForLayer,
                $"Layer '{name}' of {modelType} has {moments.Width} units but only {moments.Samples} samples: expected more samples than units, or its covariance (and so its LIB and PCA bases) cannot be estimated. Evaluate on more samples or audit a narrower layer.");
        (state.Mean, Tensor covariance) = moments.Finish();
        if (!isfinite(covariance).all().item<bool>())
            throw new AuditInputException(DiagnosticCodes.NonFiniteActivations,
                $"Layer '{name}' of {modelType} contains NaN or infinite values on finite inputs: expected finite activations. The weights may be diverged; retrain or check the model.");
        (state.Axes, state.Variances) = LibBasis.PrincipalAxes(covariance, tau);
        if (state.Variances.numel() == 0)
            throw new AuditInputException(DiagnosticCodes.ConstantActivations,
                $"Layer '{name}' of {modelType} has the same activations on every sample ({moments.Samples} samples, {moments.Width} units): expected varying activations. Its units may all be dead; check the model or audit another layer.");
        return state;
    }

    /// <summary>
    /// Spec step 3 and the PCA edges, in one pass at the unmodified activations: per batch, one backward
    /// pass per next-layer feature i of Σ_n f̂^{l+1}_i gives every sample's gradient g_{n,i}; stacked as
    /// J (rows n,i), M' += Jᵀ J is one float64 matrix product on the device per block of rows (<see cref="JacobianGram"/>). The PCA baseline keeps
    /// every direction with variance above τ · max, so its projection is the identity up to τ and its
    /// edges are taken here too. Then step 4 gives C^l.
    /// </summary>
    private static (double Gflop, double Seconds) JacobianGramAndPcaEdges(SectionPass section, LayerState current, LayerState next,
        LibOptions options, Device device, out Tensor pcaEdges)
    {
        int d = current.Units, r = (int)current.Variances.shape[0];
        using var mPrime = new JacobianGram(d, options.AccumulatorType, device, options.GradientBufferBytes!.Value / 4);
        Tensor edges = zeros(next.Axes.shape[1], 1 + r, dtype: ScalarType.Float64, device: device);
        long samples = 0, inputs = 0;
        // The output's LIB and PCA features are the same (C^L = I is both): one set of gradients serves both sums.
        bool sameHeads = ReferenceEquals(next.C, next.Axes);
        section.Run(x => x, batch =>
        {
            Tensor x = LibTensors.SamplesByUnits(batch.Original).to_type(ScalarType.Float64);
            (Tensor values, HeadSet lib, HeadSet pca) = Heads(batch.Output, next);
            Tensor features = (x - current.Mean).matmul(current.Axes);
            Tensor pcaValues = values.matmul(next.Axes);
            if (sameHeads)
                Gradients(section, batch, lib, d, options, device, (first, j) =>
                {
                    mPrime.Add(j.view(-1, d));
                    AccumulateEdges(edges, first, j.matmul(current.Axes), features, pcaValues);
                });
            else
            {
                Gradients(section, batch, lib, d, options, device, (_, j) => mPrime.Add(j.view(-1, d)));
                Gradients(section, batch, pca, d, options, device,
                    (first, j) => AccumulateEdges(edges, first, j.matmul(current.Axes), features, pcaValues));
            }
            samples += x.shape[0];
            inputs += values.shape[0];
        });
        Normalise(edges, samples, inputs);
        Tensor gram = mPrime.Finish(samples);
        (current.C, current.CPlus, current.Lambda) = LibBasis.Rotate(current.Axes, current.Variances, gram, options.Tau);
        pcaEdges = edges;
        return (mPrime.Flop / 1e9, mPrime.Seconds);
    }

    /// <summary>
    /// Spec "Interaction edges" for LIB: the leaf takes the value x' = μ + ((x − μ) C) C⁺, so the section
    /// sees only the kept features, and ∂f̂^{l+1}_i/∂f̂^l = C⁺ g_i.
    /// </summary>
    private static Tensor LibEdges(SectionPass section, LayerState current, LayerState next, LibOptions options, Device device)
    {
        int d = current.Units, k = (int)current.C.shape[1];
        Tensor edges = zeros(next.C.shape[1], 1 + k, dtype: ScalarType.Float64, device: device);
        if (k == 0 || next.C.shape[1] == 0) return edges;
        long samples = 0, inputs = 0;
        section.Run(x =>
        {
            Tensor centred = LibTensors.SamplesByUnits(x).to_type(ScalarType.Float64) - current.Mean;
            Tensor projected = centred.matmul(current.C).matmul(current.CPlus) + current.Mean;
            return LibTensors.Restore(projected, x).to_type(x.dtype);
        }, batch =>
        {
            Tensor x = LibTensors.SamplesByUnits(batch.Original).to_type(ScalarType.Float64);
            Tensor features = (x - current.Mean).matmul(current.C);
            (Tensor values, HeadSet lib, _) = Heads(batch.Output, next);
            Tensor libValues = values.matmul(next.C);
            Tensor inverseT = current.CPlus.t();
            Gradients(section, batch, lib, d, options, device,
                (first, j) => AccumulateEdges(edges, first, j.matmul(inverseT), features, libValues));
            samples += x.shape[0];
            inputs += values.shape[0];
        });
        Normalise(edges, samples, inputs);
        return edges;
    }

    /// <summary>Scalars whose gradients are wanted, and the model-dtype coefficients they were taken with.</summary>
    private readonly record struct HeadSet(Tensor Scalars, Tensor Coefficients);

    /// <summary>
    /// The next layer's centred values per input sample (summed over its positions) and the scalars whose
    /// gradients are wanted: Σ_n f̂^{l+1}_i(x_n) for every LIB and every PCA feature i of the next layer.
    /// </summary>
    private static (Tensor Values, HeadSet Lib, HeadSet Pca) Heads(Tensor output, LayerState next)
    {
        Tensor perSample = LibTensors.PerInputSample(output);
        Tensor total = perSample.sum([0]);
        using Scalar positions = LibTensors.Positions(output).ToScalar(); // held across the call (HeldScalars)
        Tensor values = perSample.detach().to_type(ScalarType.Float64) - next.Mean.mul(positions);
        Tensor lib = next.C.to_type(output.dtype), pca = next.Axes.to_type(output.dtype);
        return (values, new HeadSet(total.matmul(lib), lib), new HeadSet(total.matmul(pca), pca));
    }

    /// <summary>
    /// Per-sample gradients of each head, stacked in float64 chunks of [features, samples, units] small
    /// enough for <see cref="LibOptions.GradientBufferBytes"/> (spec "Cost": split the output features).
    /// A batch whose section is dense (<see cref="DenseSection"/>) has them without autograd, bit for bit
    /// the same; any other, one backward pass per head.
    /// </summary>
    private static void Gradients(SectionPass section, SectionPass.Batch batch, HeadSet heads, int units, LibOptions options, Device device,
        Action<int, Tensor> visit)
    {
        Tensor leaf = batch.Leaf;
        int count = (int)heads.Scalars.shape[0];
        if (count == 0) return;
        long samples = leaf.dim() > 2 ? leaf.shape[0] * LibTensors.Positions(leaf) : leaf.shape[0];
        int chunk = (int)Math.Clamp(options.GradientBufferBytes!.Value / Math.Max(1, samples * units * sizeof(double)), 1, count);
        using Tensor? unitVectors = batch.Dense is null ? null : eye(count, dtype: heads.Coefficients.dtype, device: device);
        for (int first = 0; first < count; first += chunk)
        {
            int size = Math.Min(chunk, count - first);
            using Tensor j = empty(size, samples, units, dtype: ScalarType.Float64, device: device);
            for (int i = 0; i < size; i++)
            {
                using Tensor gradient = batch.Dense?.Gradient(heads.Coefficients, unitVectors!, first + i)
                    ?? section.Gradient(heads.Scalars[first + i], leaf);
                j.select(0, i).copy_(LibTensors.SamplesByUnits(gradient));
            }
            visit(first, j);
        }
    }

    /// <summary>
    /// E_ij += Σ_n (∂f̂^{l+1}_i/∂f̂^l_j · f̂^l_j)² for the chunk of targets starting at <paramref name="first"/>
    /// (columns 1…); column 0, the constant feature, gets the part of f̂^{l+1}_i the linearisation does
    /// not explain, f̂^{l+1}_i − Σ_j ∂f̂^{l+1}_i/∂f̂^l_j · f̂^l_j (the derivative along the constant
    /// coordinate of the homogeneous extension; 0 for an affine section).
    /// </summary>
    private static void AccumulateEdges(Tensor edges, int first, Tensor featureGradients, Tensor features, Tensor values)
    {
        int size = (int)featureGradients.shape[0], k = (int)features.shape[1];
        long inputs = values.shape[0];
        Tensor contributions = featureGradients * features.unsqueeze(0);
        edges.narrow(0, first, size).narrow(1, 1, k).add_(contributions.square().sum([1]));
        Tensor linear = contributions.sum([2]).view(size, inputs, -1).sum([2]);
        Tensor residual = values.narrow(1, first, size).t() - linear;
        edges.narrow(0, first, size).select(1, 0).add_(residual.square().sum([1]));
    }

    /// <summary>Means: feature edges per sample (positions included), constant edges per input sample.</summary>
    private static void Normalise(Tensor edges, long samples, long inputs)
    {
        using Scalar perSample = samples.ToScalar(), perInput = inputs.ToScalar(); // held across the calls (HeldScalars)
        edges.narrow(1, 1, edges.shape[1] - 1).div_(perSample);
        edges.select(1, 0).div_(perInput);
    }

    private static LibInteractionResult Summarise(LibEdgeMatrices edges, int top)
    {
        (int lib90, double libMass, double libConstant, List<InteractionEdge> libTop, double[] libBySource, double[] libByTarget) = Summary(edges.Lib, top);
        (int pca90, double pcaMass, double pcaConstant, List<InteractionEdge> pcaTop, double[] pcaBySource, double[] pcaByTarget) = Summary(edges.Pca, top);
        return new LibInteractionResult(edges.FromLayer, edges.ToLayer, lib90, pca90, (double)pca90 / Math.Max(lib90, 1),
            libMass, pcaMass, libConstant, pcaConstant, libTop, pcaTop, libBySource, libByTarget, pcaBySource, pcaByTarget);
    }

    private static (int Edges90, double Mass, double Constant, List<InteractionEdge> Top, double[] BySource, double[] ByTarget) Summary(double[,] e, int top)
    {
        int targets = e.GetLength(0), sources = e.GetLength(1);
        var all = new List<InteractionEdge>();
        var bySource = new double[sources];
        var byTarget = new double[targets];
        double constant = 0;
        for (int i = 0; i < targets; i++)
            for (int j = 0; j < sources; j++)
            {
                bySource[j] += e[i, j];
                if (j == 0) { constant += e[i, 0]; continue; }
                byTarget[i] += e[i, j];
                all.Add(new InteractionEdge(i + 1, j, e[i, j]));
            }
        int edges90 = LibBasis.EdgesHolding(all.Select(x => x.Mass), 0.9);
        var largest = all.OrderByDescending(x => x.Mass).ThenBy(x => x.Target).ThenBy(x => x.Source).Take(top).ToList();
        return (edges90, all.Sum(x => x.Mass), constant, largest, bySource, byTarget);
    }

    private static double[] ToArray(Tensor t) => t.to_type(ScalarType.Float64).cpu().contiguous().data<double>().ToArray();

    private static double[,] ToArray2D(Tensor t)
    {
        double[] flat = ToArray(t);
        int rows = (int)t.shape[0], columns = (int)t.shape[1];
        var result = new double[rows, columns];
        Buffer.BlockCopy(flat, 0, result, 0, flat.Length * sizeof(double));
        return result;
    }
}
