namespace InterpAudit.Circuits;

/// <summary>
/// First-order attribution of each weight to a class's mean cross-entropy, |w · ∂L/∂w|, at the
/// unpruned model (spec modularity.md §4, fast mode): the estimated loss change from zeroing it.
/// The gradient is back-propagated by hand in float64 through the chain, the same arithmetic as
/// <see cref="ChainActivations"/>, so that weights with no effect get exactly 0.
/// </summary>
internal static class WeightAttribution
{
    /// <summary>One array per layer, row-major like the weights.</summary>
    public static double[][] Measure(LinearChain chain, ClassInputs samples)
    {
        int layers = chain.Layers.Count, n = samples.Count, classes = chain.ClassCount;
        double[][] weights = chain.CopyWeights();
        ChainActivations state = ChainActivations.Compute(chain, weights, samples);
        double[][] gradient = chain.Layers.Select(l => new double[l.WeightCount]).ToArray();

        // dL/dlogits of the mean loss: (softmax − one-hot) / n, per sample.
        int width = classes;
        var upstream = new double[n * width];
        for (int s = 0; s < n; s++)
        {
            ReadOnlySpan<double> logits = state.Z[^1].AsSpan(s * classes, classes);
            double max = double.NegativeInfinity;
            foreach (double z in logits) max = Math.Max(max, z);
            double sum = 0;
            foreach (double z in logits) sum += Math.Exp(z - max);
            for (int c = 0; c < classes; c++)
                upstream[s * classes + c] = (Math.Exp(logits[c] - max) / sum - (c == samples.Label ? 1 : 0)) / n;
        }

        for (int l = layers - 1; l >= 0; l--)
        {
            ChainLayer layer = chain.Layers[l];
            double[] input = l == 0 ? samples.Inputs : state.A[l - 1];
            var below = l > 0 ? new double[n * layer.Inputs] : null;
            for (int s = 0; s < n; s++)
            {
                ReadOnlySpan<double> a = input.AsSpan(s * layer.Inputs, layer.Inputs);
                for (int o = 0; o < layer.Outputs; o++)
                {
                    double g = upstream[s * layer.Outputs + o];
                    if (g == 0) continue;
                    DenseKernels.Axpy(gradient[l].AsSpan(o * layer.Inputs, layer.Inputs), g, a);
                    if (below is not null)
                        DenseKernels.Axpy(below.AsSpan(s * layer.Inputs, layer.Inputs), g, weights[l].AsSpan(o * layer.Inputs, layer.Inputs));
                }
            }
            if (below is null) break;
            ElementwiseActivation activation = chain.Layers[l - 1].Activation;
            for (int k = 0; k < below.Length; k++)
                below[k] *= activation.Derivative(state.Z[l - 1][k]);
            upstream = below;
        }

        for (int l = 0; l < layers; l++)
            for (int k = 0; k < gradient[l].Length; k++)
                gradient[l][k] = Math.Abs(weights[l][k] * gradient[l][k]);
        return gradient;
    }
}
