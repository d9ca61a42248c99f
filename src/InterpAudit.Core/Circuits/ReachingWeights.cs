namespace InterpAudit.Circuits;

/// <summary>
/// The part of a chain, from one layer on, through which a change can still reach the logits: a unit
/// reaches them when one of its non-zero outgoing weights leads to a unit that does (every logit
/// does). For each unit, its non-zero weights to reaching units of the next layer, in ascending order
/// of the target, compressed like <see cref="SparseColumns"/>.
/// </summary>
/// <remarks>
/// Exact pruning zeroes most weights of the later layers first (on the sample, 11–19 of fc2's 64 units
/// and 30–39 of fc1's still reach the logits once fc3 and fc2 are visited), so a trial that follows
/// only these weights does a fraction of the dense work. It adds the same non-zero terms in the same
/// order as the dense pass; the terms it leaves out are products with a zero weight, which add a zero
/// and change no sum.
/// </remarks>
internal sealed class ReachingWeights
{
    private readonly bool[][] _reaches;
    private readonly int[][] _start;
    private readonly int[][] _target;
    private readonly double[][] _weight;

    private ReachingWeights(bool[][] reaches, int[][] start, int[][] target, double[][] weight)
    {
        _reaches = reaches;
        _start = start;
        _target = target;
        _weight = weight;
    }

    /// <summary>Whether output <paramref name="unit"/> of chain layer <paramref name="layer"/> still reaches a logit.</summary>
    public bool Reaches(int layer, int unit) => _reaches[layer][unit];

    /// <summary>The reaching outputs of <paramref name="layer"/> that input <paramref name="unit"/> feeds through a non-zero weight, ascending.</summary>
    public ReadOnlySpan<int> Targets(int layer, int unit) => _target[layer].AsSpan(_start[layer][unit], _start[layer][unit + 1] - _start[layer][unit]);

    /// <summary>The weights that go with <see cref="Targets"/>.</summary>
    public ReadOnlySpan<double> Weights(int layer, int unit) => _weight[layer].AsSpan(_start[layer][unit], _start[layer][unit + 1] - _start[layer][unit]);

    /// <param name="weights">The chain's current weights, row-major per layer.</param>
    /// <param name="from">The layer being visited: reach is computed for its outputs and every later layer's.</param>
    public static ReachingWeights Of(LinearChain chain, double[][] weights, int from)
    {
        int layers = chain.Layers.Count;
        var reaches = new bool[layers][];
        var start = new int[layers][];
        var target = new int[layers][];
        var weight = new double[layers][];
        reaches[layers - 1] = Enumerable.Repeat(true, chain.ClassCount).ToArray();
        for (int m = layers - 1; m > from; m--)
        {
            ChainLayer layer = chain.Layers[m];
            double[] w = weights[m];
            var count = new int[layer.Inputs + 1];
            for (int k = 0; k < layer.Outputs; k++)
                if (reaches[m][k])
                    for (int j = 0; j < layer.Inputs; j++)
                        if (w[k * layer.Inputs + j] != 0) count[j + 1]++;
            for (int j = 0; j < layer.Inputs; j++) count[j + 1] += count[j];
            var targets = new int[count[layer.Inputs]];
            var values = new double[count[layer.Inputs]];
            var next = (int[])count.Clone();
            // Targets ascending per input: k is the outer loop.
            for (int k = 0; k < layer.Outputs; k++)
                if (reaches[m][k])
                    for (int j = 0; j < layer.Inputs; j++)
                    {
                        double v = w[k * layer.Inputs + j];
                        if (v == 0) continue;
                        targets[next[j]] = k;
                        values[next[j]++] = v;
                    }
            start[m] = count;
            target[m] = targets;
            weight[m] = values;
            reaches[m - 1] = Enumerable.Range(0, layer.Inputs).Select(j => count[j + 1] > count[j]).ToArray();
        }
        return new ReachingWeights(reaches, start, target, weight);
    }
}
