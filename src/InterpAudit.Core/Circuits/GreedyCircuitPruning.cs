namespace InterpAudit.Circuits;

/// <summary>
/// ECS's exact mode, as Golechha et al. (2024) define it (spec modularity.md §4): visit the Linear
/// layers from last to first and each weight in row-major order, zero it, and keep the zero only if
/// the class's mean cross-entropy stays within the <see cref="LossCriterion"/>; restore it otherwise.
/// </summary>
/// <remarks>
/// Not one forward pass per weight. While layer l is visited the layers before it are untouched, so
/// its input activations are fixed and cached. Zeroing W[o,i] moves one pre-activation, z[n,o], by
/// −w·a[n,i] for each sample n; only samples with a[n,i] ≠ 0 change, and only when the activation of
/// z[n,o] changes does anything downstream move. For those samples the change is pushed forward along
/// the non-zero weights that still reach the logits (<see cref="ReachingWeights"/>,
/// <see cref="TrialChanges"/>), and the loss is the cached total plus the changed samples'
/// differences. Two kinds of weight need no trial: one whose input is zero on every sample of the
/// class (it changes nothing), and one into a unit that no longer reaches the logits (it changes no
/// loss: the trial's mean is the current one, so the zero is kept exactly when the current mean is
/// admitted, as the trial would decide). The pruned set is the one a full forward pass per weight
/// gives (tested against one), and the one the dense incremental pass gave, bit for bit.
/// </remarks>
internal static class GreedyCircuitPruning
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
        var affected = new int[n];
        var trialLoss = new double[n];
        var logits = new double[classes];

        for (int l = layers - 1; l >= 0; l--)
        {
            ChainLayer layer = chain.Layers[l];
            double[] input = l == 0 ? samples.Inputs : state.A[l - 1];
            var columns = SparseColumns.Of(input, n, layer.Inputs);
            // Downstream weights are final while layer l is visited, and so is what reaches the logits.
            ReachingWeights reach = ReachingWeights.Of(chain, weights, l);
            var changes = new TrialChanges(chain, l, n);

            for (int o = 0; o < layer.Outputs; o++)
            {
                if (!reach.Reaches(l, o))
                {
                    ZeroUnreachingRow(weights[l], zeroed[l], o, layer.Inputs, columns, criterion.Admits(total / n));
                    continue;
                }
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
                            : changes.Propagate(state, reach, o, moved, s, count, samples.Label);
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
                        if (l < layers - 1) changes.Commit(state, k, affected[k]);
                        state.Loss[affected[k]] = trialLoss[k];
                    }
                    total = DenseKernels.Sum(state.Loss);
                }
            }
        }
        return new PruningOutcome(new PrunedWeights(zeroed), criterion.OriginalLoss, total / n, trials);
    }

    /// <summary>
    /// The weights into a unit that reaches no logit. A weight that could move the unit would still
    /// change no loss, so its trial's mean is the current one: kept at zero exactly when the current
    /// mean is admitted. The unit's cached activations are left as they are: nothing reads them again.
    /// </summary>
    private static void ZeroUnreachingRow(double[] weights, bool[] zeroed, int unit, int inputs, SparseColumns columns, bool currentAdmitted)
    {
        for (int i = 0; i < inputs; i++)
        {
            int index = unit * inputs + i;
            if (weights[index] != 0 && columns.Samples(i).Length > 0 && !currentAdmitted) continue;
            weights[index] = 0;
            zeroed[index] = true;
        }
    }

    /// <summary>A last-layer weight moves one logit: the sample's loss with that logit replaced.</summary>
    private static double LastLayerLoss(ChainActivations state, int sample, int unit, double z, double[] logits, int label)
    {
        int classes = logits.Length;
        state.Z[^1].AsSpan(sample * classes, classes).CopyTo(logits);
        logits[unit] = z;
        return DenseKernels.CrossEntropy(logits, label);
    }
}
