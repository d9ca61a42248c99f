namespace InterpAudit.Circuits;

/// <summary>
/// What one exact-pruning trial does to the layers after the visited one: for each affected sample
/// (a slot), the pre-activations it changed, held until the trial's zero is kept
/// (<see cref="Commit"/>) or dropped. A change moves only along <see cref="ReachingWeights"/>, so a
/// slot holds the one to three hidden units a trial touches on the sample rather than whole rows.
/// </summary>
internal sealed class TrialChanges
{
    private readonly LinearChain _chain;
    private readonly int _from;
    private readonly int[][] _count;
    private readonly int[][] _index;
    private readonly double[][] _value;
    private readonly bool[] _logitsMoved;
    private readonly int[] _stamp;
    private readonly double[] _sum;
    private readonly int[] _touched;
    private int[] _sourceUnit, _nextUnit;
    private double[] _sourceChange, _nextChange;
    private int _generation;

    /// <param name="from">The layer whose weights the trials zero.</param>
    /// <param name="samples">The most slots one trial needs: the class's sample count.</param>
    public TrialChanges(LinearChain chain, int from, int samples)
    {
        _chain = chain;
        _from = from;
        int layers = chain.Layers.Count, widest = chain.Layers.Max(l => l.Outputs);
        _count = new int[layers][];
        _index = new int[layers][];
        _value = new double[layers][];
        for (int m = from + 1; m < layers; m++)
        {
            int width = chain.Layers[m].Outputs;
            _count[m] = new int[samples];
            _index[m] = new int[samples * width];
            _value[m] = new double[samples * width];
        }
        _logitsMoved = new bool[samples];
        _stamp = new int[widest];
        _sum = new double[widest];
        _touched = new int[widest];
        _sourceUnit = new int[widest];
        _nextUnit = new int[widest];
        _sourceChange = new double[widest];
        _nextChange = new double[widest];
    }

    /// <summary>
    /// Pushes a change of <paramref name="moved"/> in output <paramref name="unit"/> of the visited
    /// layer through the later layers for one sample, records the new pre-activations in
    /// <paramref name="slot"/>, and returns the sample's new loss.
    /// </summary>
    public double Propagate(ChainActivations state, ReachingWeights reach, int unit, double moved, int sample, int slot, int label)
    {
        int layers = _chain.Layers.Count, sources = 1;
        _sourceUnit[0] = unit;
        _sourceChange[0] = moved;
        for (int m = _from + 1; m < layers; m++)
        {
            int width = _chain.Layers[m].Outputs;
            if (m == layers - 1)
            {
                Span<double> logits = _value[m].AsSpan(slot * width, width);
                state.Z[m].AsSpan(sample * width, width).CopyTo(logits);
                // Sources ascending, targets ascending: each logit adds its terms in the dense pass's order.
                for (int s = 0; s < sources; s++)
                {
                    ReadOnlySpan<int> targets = reach.Targets(m, _sourceUnit[s]);
                    ReadOnlySpan<double> weights = reach.Weights(m, _sourceUnit[s]);
                    for (int t = 0; t < targets.Length; t++) logits[targets[t]] += _sourceChange[s] * weights[t];
                }
                _logitsMoved[slot] = true;
                return DenseKernels.CrossEntropy(logits, label);
            }

            int touched = Accumulate(state, reach, m, sample, sources);
            ElementwiseActivation activation = _chain.Layers[m].Activation;
            int next = 0;
            Span<int> index = _index[m].AsSpan(slot * width, touched);
            Span<double> value = _value[m].AsSpan(slot * width, touched);
            for (int t = 0; t < touched; t++)
            {
                int k = _touched[t];
                double z = _sum[k];
                index[t] = k;
                value[t] = z;
                double change = activation.Apply(z) - state.A[m][sample * width + k];
                if (change == 0) continue;
                _nextUnit[next] = k;
                _nextChange[next++] = change;
            }
            _count[m][slot] = touched;
            (_sourceUnit, _nextUnit) = (_nextUnit, _sourceUnit);
            (_sourceChange, _nextChange) = (_nextChange, _sourceChange);
            sources = next;
            if (sources == 0)
            {
                // Nothing moves further: the later layers, and so the loss, are the cached ones.
                for (int rest = m + 1; rest < layers - 1; rest++) _count[rest][slot] = 0;
                _logitsMoved[slot] = false;
                return state.Loss[sample];
            }
        }
        throw new InvalidOperationException("a trial must end at the logits");
    }

    /// <summary>Writes slot <paramref name="slot"/>'s changes into the cache: its trial's zero is kept.</summary>
    public void Commit(ChainActivations state, int slot, int sample)
    {
        int layers = _chain.Layers.Count;
        for (int m = _from + 1; m < layers - 1; m++)
        {
            int width = _chain.Layers[m].Outputs;
            ElementwiseActivation activation = _chain.Layers[m].Activation;
            ReadOnlySpan<int> index = _index[m].AsSpan(slot * width, _count[m][slot]);
            ReadOnlySpan<double> value = _value[m].AsSpan(slot * width, _count[m][slot]);
            for (int t = 0; t < index.Length; t++)
            {
                int at = sample * width + index[t];
                state.Z[m][at] = value[t];
                state.A[m][at] = activation.Apply(value[t]);
            }
        }
        if (!_logitsMoved[slot]) return;
        int classes = _chain.ClassCount;
        _value[layers - 1].AsSpan(slot * classes, classes).CopyTo(state.Z[layers - 1].AsSpan(sample * classes, classes));
        _value[layers - 1].AsSpan(slot * classes, classes).CopyTo(state.A[layers - 1].AsSpan(sample * classes, classes));
    }

    /// <summary>
    /// The new pre-activations of hidden layer <paramref name="m"/>: the cached ones plus each source's
    /// change times its weights, sources in ascending order. Returns how many units moved, listed
    /// ascending in <see cref="_touched"/> with their sums in <see cref="_sum"/>.
    /// </summary>
    private int Accumulate(ChainActivations state, ReachingWeights reach, int m, int sample, int sources)
    {
        int width = _chain.Layers[m].Outputs, touched = 0;
        if (++_generation == int.MaxValue)
        {
            Array.Clear(_stamp);
            _generation = 1;
        }
        for (int s = 0; s < sources; s++)
        {
            ReadOnlySpan<int> targets = reach.Targets(m, _sourceUnit[s]);
            ReadOnlySpan<double> weights = reach.Weights(m, _sourceUnit[s]);
            for (int t = 0; t < targets.Length; t++)
            {
                int k = targets[t];
                if (_stamp[k] != _generation)
                {
                    _stamp[k] = _generation;
                    _sum[k] = state.Z[m][sample * width + k];
                    _touched[touched++] = k;
                }
                _sum[k] += _sourceChange[s] * weights[t];
            }
        }
        if (sources > 1) Array.Sort(_touched, 0, touched);
        return touched;
    }
}
