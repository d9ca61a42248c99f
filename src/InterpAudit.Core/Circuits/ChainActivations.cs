namespace InterpAudit.Circuits;

/// <summary>
/// A forward pass of a <see cref="LinearChain"/> over one class's samples in float64, keeping every
/// layer's pre-activations Z and activations A (sample-major, <c>[samples, outputs]</c>) and each
/// sample's cross-entropy: the cache the exact pruning pass updates in place.
/// </summary>
internal sealed class ChainActivations
{
    private ChainActivations(double[][] z, double[][] a, double[] loss)
    {
        Z = z;
        A = a;
        Loss = loss;
    }

    public double[][] Z { get; }

    public double[][] A { get; }

    /// <summary>Per-sample cross-entropy against the class's label.</summary>
    public double[] Loss { get; }

    public double MeanLoss => Loss.Length == 0 ? double.NaN : DenseKernels.Sum(Loss) / Loss.Length;

    /// <summary>
    /// Runs the chain with <paramref name="weights"/> (one row-major array per layer) in place of its
    /// own. Each output row is the bias plus the weight columns scaled by the non-zero inputs, so the
    /// many exact zeros of ReLU layers and blank pixels cost nothing.
    /// </summary>
    public static ChainActivations Compute(LinearChain chain, double[][] weights, ClassInputs samples)
    {
        int layers = chain.Layers.Count, n = samples.Count;
        var z = new double[layers][];
        var a = new double[layers][];
        for (int l = 0; l < layers; l++)
        {
            ChainLayer layer = chain.Layers[l];
            double[] transposed = DenseKernels.Transpose(weights[l], layer.Outputs, layer.Inputs);
            z[l] = new double[n * layer.Outputs];
            a[l] = new double[n * layer.Outputs];
            for (int s = 0; s < n; s++)
            {
                ReadOnlySpan<double> input = l == 0 ? samples.Row(s) : a[l - 1].AsSpan(s * layer.Inputs, layer.Inputs);
                Span<double> row = z[l].AsSpan(s * layer.Outputs, layer.Outputs);
                layer.Bias.CopyTo(row);
                for (int i = 0; i < layer.Inputs; i++)
                    if (input[i] != 0)
                        DenseKernels.Axpy(row, input[i], transposed.AsSpan(i * layer.Outputs, layer.Outputs));
                Span<double> activated = a[l].AsSpan(s * layer.Outputs, layer.Outputs);
                for (int o = 0; o < layer.Outputs; o++) activated[o] = layer.Activation.Apply(row[o]);
            }
        }
        var loss = new double[n];
        int classes = chain.ClassCount;
        for (int s = 0; s < n; s++)
            loss[s] = DenseKernels.CrossEntropy(z[layers - 1].AsSpan(s * classes, classes), samples.Label);
        return new ChainActivations(z, a, loss);
    }
}
