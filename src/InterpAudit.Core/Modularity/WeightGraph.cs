using static TorchSharp.torch;

namespace InterpAudit.Modularity;

/// <summary>
/// The bipartite graph of one layer (spec modularity.md §1, step 1): output units × input units with
/// edge strength <c>|W_uv|</c>, which spectral co-clustering partitions, and the squared weight
/// <c>W_uv²</c>, which clusterability (§2) sums. For a convolution an edge is a kernel slice: its
/// strength is the slice's L1 norm (§1, "Convolutions") and its squared weight the slice's sum of
/// squares, so that clusterability stays the share of the layer's squared weight.
/// Values are float64 copies on the CPU; the graph never aliases the model.
/// </summary>
public sealed class WeightGraph
{
    private readonly double[] _strength;
    private readonly double[] _squared;

    private WeightGraph(int outputs, int inputs, double[] strength, double[] squared)
    {
        Outputs = outputs;
        Inputs = inputs;
        _strength = strength;
        _squared = squared;
    }

    public int Outputs { get; }

    public int Inputs { get; }

    /// <summary><c>|W_uv|</c> (L1 over the kernel for a convolution).</summary>
    public double Strength(int output, int input) => _strength[output * Inputs + input];

    /// <summary><c>W_uv²</c> (summed over the kernel for a convolution).</summary>
    public double SquaredWeight(int output, int input) => _squared[output * Inputs + input];

    /// <summary>From a weight laid out <c>[outputs, inputs, kernel…]</c> (see <see cref="LayerWeight.OutputsByInputs"/>), on any device.</summary>
    public static WeightGraph FromWeight(Tensor weight)
    {
        if (weight.dim() < 2)
            throw new ArgumentException($"Expected a weight of rank 2 or more ([outputs, inputs, kernel…]), found rank {weight.dim()}.", nameof(weight));
        using var scope = NewDisposeScope();
        Tensor w = weight.detach().to(ScalarType.Float64).cpu();
        int outputs = (int)w.shape[0], inputs = (int)w.shape[1];
        Tensor edges = w.reshape(outputs, inputs, -1);
        double[] strength = edges.abs().sum(2).contiguous().data<double>().ToArray();
        double[] squared = edges.square().sum(2).contiguous().data<double>().ToArray();
        if (!strength.All(double.IsFinite) || !squared.All(double.IsFinite))
            throw new ArgumentException("The weight contains NaN or infinite values.", nameof(weight));
        return new WeightGraph(outputs, inputs, strength, squared);
    }

    /// <summary>From a plain weight matrix <c>[outputs, inputs]</c>.</summary>
    public static WeightGraph FromMatrix(double[,] weight)
    {
        int outputs = weight.GetLength(0), inputs = weight.GetLength(1);
        var strength = new double[outputs * inputs];
        var squared = new double[outputs * inputs];
        for (int u = 0; u < outputs; u++)
            for (int v = 0; v < inputs; v++)
            {
                double w = weight[u, v];
                if (!double.IsFinite(w))
                    throw new ArgumentException($"weight[{u}, {v}] = {w} is not finite.", nameof(weight));
                strength[u * inputs + v] = Math.Abs(w);
                squared[u * inputs + v] = w * w;
            }
        return new WeightGraph(outputs, inputs, strength, squared);
    }

    /// <summary>
    /// The same edges in a uniformly random arrangement (Fisher–Yates over all outputs × inputs edges,
    /// strength and squared weight moving together): the null model of §2, which keeps the layer's
    /// weight distribution and destroys its structure. For a Linear layer this is shuffling W itself.
    /// </summary>
    public WeightGraph Shuffled(Random random)
    {
        double[] strength = (double[])_strength.Clone();
        double[] squared = (double[])_squared.Clone();
        for (int i = strength.Length - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (strength[i], strength[j]) = (strength[j], strength[i]);
            (squared[i], squared[j]) = (squared[j], squared[i]);
        }
        return new WeightGraph(Outputs, Inputs, strength, squared);
    }
}
