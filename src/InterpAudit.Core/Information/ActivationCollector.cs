using InterpAudit.Capture;
using static TorchSharp.torch;

namespace InterpAudit.Information;

/// <summary>
/// Gathers the requested layers' activations of the whole evaluation set from one pass of the
/// <see cref="ActivationStream"/>. Other measurements keep running sums; this one cannot, because
/// copula normalisation needs each unit's rank among all N samples, and ranks are not a running sum.
/// The copy is small (one float64 per sample and unit: 2,000 samples × 64 units is 1 MB) and holds only
/// the layers a check asked for.
/// </summary>
internal static class ActivationCollector
{
    public static CollectedActivations Collect(ActivationStream stream, IReadOnlyList<string> layers)
    {
        string[] names = layers.Distinct().ToArray();
        var labels = new List<int>();
        var batches = names.ToDictionary(name => name, _ => new List<double[]>());
        var widths = new Dictionary<string, int>();
        stream.ForEach(names, batch =>
        {
            foreach (long label in batch.Labels.cpu().data<long>().ToArray()) labels.Add((int)label);
            foreach (string name in names)
            {
                Tensor units = PerUnit(batch.Activations[name]);
                int width = (int)units.shape[1];
                if (widths.TryGetValue(name, out int known) && known != width)
                    throw new InvalidOperationException($"Layer '{name}' produced {width} units in one batch and {known} in another.");
                widths[name] = width;
                // Row-major [batch, units], float64: the estimates are float64 throughout (spec step 2).
                batches[name].Add(units.to_type(ScalarType.Float64).cpu().contiguous().data<double>().ToArray());
            }
        });

        int n = labels.Count;
        var collected = new Dictionary<string, double[][]>();
        foreach (string name in names)
        {
            int width = widths.GetValueOrDefault(name);
            double[][] rows = Enumerable.Range(0, width).Select(_ => new double[n]).ToArray();
            int sample = 0;
            foreach (double[] block in batches[name])
            {
                int count = block.Length / Math.Max(width, 1);
                for (int s = 0; s < count; s++, sample++)
                    for (int u = 0; u < width; u++)
                        rows[u][sample] = block[s * width + u];
            }
            collected[name] = rows;
        }
        return new CollectedActivations(labels.ToArray(), collected);
    }

    /// <summary>
    /// [batch, units]. Outputs of rank 3 or more are read as channels-first convolution outputs
    /// ([B, C, H, W] and the like): each channel is one unit, averaged over its spatial positions
    /// (spec mi.md, "What the audit reports").
    /// </summary>
    internal static Tensor PerUnit(Tensor activation) => activation.dim() switch
    {
        0 => throw new InvalidOperationException("A layer produced a scalar; expected one row per sample."),
        1 => activation.unsqueeze(1),
        2 => activation,
        _ => activation.flatten(2).mean([2]),
    };
}
