using InterpAudit.Circuits;

namespace InterpAudit.Tests.Circuits;

/// <summary>
/// The exact pruning pass as it stood before it followed only the weights that still reach the logits
/// (issue #18): every trial pushes a changed sample through every unit of the later layers. Kept as
/// the reference the faster <see cref="GreedyCircuitPruning"/> must match bit for bit.
/// </summary>
internal static class DenseGreedyPruning
{
    public static PruningOutcome Run(LinearChain chain, ClassInputs samples, double relativeTolerance = LossCriterion.DefaultRelativeTolerance)
    {
        int layers = chain.Layers.Count, n = samples.Count, classes = chain.ClassCount;
        double[][] weights = chain.CopyWeights();
        ChainActivations state = ChainActivations.Compute(chain, weights, samples);
        var criterion = new LossCriterion(state.MeanLoss, relativeTolerance);
        bool[][] zeroed = chain.Layers.Select(l => new bool[l.WeightCount]).ToArray();
        if (n == 0) return new PruningOutcome(new PrunedWeights(zeroed), double.NaN, double.NaN, 0);

        double total = DenseKernels.Sum(state.Loss);
        long trials = 0;
        int widest = chain.Layers.Max(l => l.Outputs);
        var affected = new int[n];
        var trialLoss = new double[n];
        var change = new double[widest];
        var logits = new double[classes];

        for (int l = layers - 1; l >= 0; l--)
        {
            ChainLayer layer = chain.Layers[l];
            double[] input = l == 0 ? samples.Inputs : state.A[l - 1];
            var columns = SparseColumns.Of(input, n, layer.Inputs);
            // Downstream weights are final while layer l is visited: transpose them once so that a
            // changed unit's outgoing weights are one contiguous row.
            var outgoing = new double[layers][];
            var trialZ = new double[layers][];
            for (int m = l + 1; m < layers; m++)
            {
                outgoing[m] = DenseKernels.Transpose(weights[m], chain.Layers[m].Outputs, chain.Layers[m].Inputs);
                trialZ[m] = new double[n * chain.Layers[m].Outputs];
            }

            for (int o = 0; o < layer.Outputs; o++)
                for (int i = 0; i < layer.Inputs; i++)
                {
                    int index = o * layer.Inputs + i;
                    double w = weights[l][index];
                    ReadOnlySpan<int> rows = columns.Samples(i);
                    if (w == 0 || rows.Length == 0)
                    {
                        weights[l][index] = 0;
                        zeroed[l][index] = true;
                        continue;
                    }
                    trials++;
                    ReadOnlySpan<double> values = columns.Values(i);
                    int count = 0;
                    double delta = 0;
                    for (int r = 0; r < rows.Length; r++)
                    {
                        int s = rows[r];
                        double z = state.Z[l][s * layer.Outputs + o] - w * values[r];
                        double moved = layer.Activation.Apply(z) - state.A[l][s * layer.Outputs + o];
                        if (moved == 0) continue;
                        double loss = l == layers - 1
                            ? LastLayerLoss(state, s, o, z, logits, samples.Label)
                            : Propagate(chain, state, outgoing, trialZ, change, l, o, moved, s, count, samples.Label);
                        affected[count] = s;
                        trialLoss[count] = loss;
                        delta += loss - state.Loss[s];
                        count++;
                    }
                    if (!criterion.Admits((total + delta) / n)) continue;

                    weights[l][index] = 0;
                    zeroed[l][index] = true;
                    for (int r = 0; r < rows.Length; r++)
                    {
                        int at = rows[r] * layer.Outputs + o;
                        state.Z[l][at] -= w * values[r];
                        state.A[l][at] = layer.Activation.Apply(state.Z[l][at]);
                    }
                    for (int k = 0; k < count; k++)
                    {
                        int s = affected[k];
                        for (int m = l + 1; m < layers; m++)
                        {
                            int width = chain.Layers[m].Outputs;
                            ReadOnlySpan<double> updated = trialZ[m].AsSpan(k * width, width);
                            updated.CopyTo(state.Z[m].AsSpan(s * width, width));
                            for (int j = 0; j < width; j++)
                                state.A[m][s * width + j] = chain.Layers[m].Activation.Apply(updated[j]);
                        }
                        state.Loss[s] = trialLoss[k];
                    }
                    total = DenseKernels.Sum(state.Loss);
                }
        }
        return new PruningOutcome(new PrunedWeights(zeroed), criterion.OriginalLoss, total / n, trials);
    }

    /// <summary>A last-layer weight moves one logit: the sample's loss with that logit replaced.</summary>
    private static double LastLayerLoss(ChainActivations state, int sample, int unit, double z, double[] logits, int label)
    {
        int classes = logits.Length;
        state.Z[^1].AsSpan(sample * classes, classes).CopyTo(logits);
        logits[unit] = z;
        return DenseKernels.CrossEntropy(logits, label);
    }

    /// <summary>
    /// Pushes a change of <paramref name="moved"/> in unit <paramref name="unit"/> of layer
    /// <paramref name="layer"/> through the later layers for one sample, writing their new
    /// pre-activations into slot <paramref name="slot"/> of <paramref name="trialZ"/>, and returns the
    /// sample's new loss.
    /// </summary>
    private static double Propagate(LinearChain chain, ChainActivations state, double[][] outgoing, double[][] trialZ,
        double[] change, int layer, int unit, double moved, int sample, int slot, int label)
    {
        int layers = chain.Layers.Count;
        int width = chain.Layers[layer + 1].Outputs;
        Span<double> z = trialZ[layer + 1].AsSpan(slot * width, width);
        state.Z[layer + 1].AsSpan(sample * width, width).CopyTo(z);
        DenseKernels.Axpy(z, moved, outgoing[layer + 1].AsSpan(unit * width, width));
        for (int m = layer + 1; m < layers - 1; m++)
        {
            ElementwiseActivation activation = chain.Layers[m].Activation;
            for (int j = 0; j < width; j++)
                change[j] = activation.Apply(z[j]) - state.A[m][sample * width + j];
            int next = chain.Layers[m + 1].Outputs;
            Span<double> nextZ = trialZ[m + 1].AsSpan(slot * next, next);
            state.Z[m + 1].AsSpan(sample * next, next).CopyTo(nextZ);
            for (int j = 0; j < width; j++)
                if (change[j] != 0)
                    DenseKernels.Axpy(nextZ, change[j], outgoing[m + 1].AsSpan(j * next, next));
            z = nextZ;
            width = next;
        }
        return DenseKernels.CrossEntropy(z, label);
    }
}
