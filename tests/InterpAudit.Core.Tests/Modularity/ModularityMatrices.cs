namespace InterpAudit.Tests.Modularity;

/// <summary>Weight matrices with known structure for the modularity tests.</summary>
internal static class ModularityMatrices
{
    /// <summary>A standard normal draw (Box–Muller), from a seeded <see cref="Random"/>.</summary>
    public static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    public static double[,] Noise(int outputs, int inputs, int seed)
    {
        var random = new Random(seed);
        var w = new double[outputs, inputs];
        for (int u = 0; u < outputs; u++)
            for (int v = 0; v < inputs; v++)
                w[u, v] = Gaussian(random);
        return w;
    }

    /// <summary>
    /// k planted blocks on shuffled units: output u and input v are in block <c>outputBlocks[u]</c> and
    /// <c>inputBlocks[v]</c>; inside a block W ~ N(0, 1), everywhere N(0, noise²) is added.
    /// </summary>
    public static (double[,] Weights, int[] OutputBlocks, int[] InputBlocks) PlantedBlocks(int outputs, int inputs, int k, double noise, int seed)
    {
        var random = new Random(seed);
        int[] outputBlocks = ShuffledBlocks(outputs, k, random);
        int[] inputBlocks = ShuffledBlocks(inputs, k, random);
        var w = new double[outputs, inputs];
        for (int u = 0; u < outputs; u++)
            for (int v = 0; v < inputs; v++)
                w[u, v] = (outputBlocks[u] == inputBlocks[v] ? Gaussian(random) : 0) + noise * Gaussian(random);
        return (w, outputBlocks, inputBlocks);
    }

    /// <summary>Balanced block labels (n/k each, up to one) in a random order.</summary>
    public static int[] ShuffledBlocks(int n, int k, Random random)
    {
        int[] labels = Enumerable.Range(0, n).Select(i => i * k / n).ToArray();
        random.Shuffle(labels);
        return labels;
    }
}
