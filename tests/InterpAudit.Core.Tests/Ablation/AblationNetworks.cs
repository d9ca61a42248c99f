using InterpAudit.Capture;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace InterpAudit.Tests.Ablation;

/// <summary>Networks whose ablation answers can be worked out by hand (spec modularity.md, "Ground truths for tests").</summary>
internal static class AblationNetworks
{
    public const int Clusters = 4;
    public const int UnitsPerCluster = 4;
    public const int Hidden = Clusters * UnitsPerCluster;

    /// <summary>
    /// k = 4 independent sub-networks, sub-network c serving classes c·g … c·g + g − 1, one input per
    /// class: fc1 routes input y to its sub-network's units (two units per class when g = 2), fc2 is
    /// block-diagonal (units 4c … 4c + 3 form block c) plus positive noise of at most 1e-3 outside the
    /// blocks (so the weight graph is connected, as BSGC needs), and the head reads class y's logit
    /// from its own sub-network's units only, without bias.
    /// <para>
    /// So on a class-y sample the own logit is large (8a for g = 1) and every other logit is small but
    /// positive (the noise). Zero-ablating block c sets its classes' logits to exactly 0, below every
    /// positive competitor: those classes drop to accuracy 0 and no other class moves (a lower
    /// competitor logit cannot make a correct prediction wrong). Mean-ablating block c (means about
    /// ā/2 per unit) keeps its classes' logits far above the noise: nothing moves.
    /// </para>
    /// </summary>
    public static nn.Module<Tensor, Tensor> SubNetworks(int classesPerCluster, int seed = 5)
    {
        int g = classesPerCluster, classes = Clusters * g;
        var fc1 = new float[Hidden, classes];
        var fc2 = new float[Hidden, Hidden];
        var head = new float[classes, Hidden];
        var random = new Random(seed);
        for (int u = 0; u < Hidden; u++)
        {
            int cluster = u / UnitsPerCluster, pair = u % UnitsPerCluster * g / UnitsPerCluster;
            int y = cluster * g + pair; // the class whose input unit u reads, and whose logit it feeds
            fc1[u, y] = 1;
            head[y, u] = 1;
            for (int v = 0; v < Hidden; v++)
            {
                bool sameBlock = v / UnitsPerCluster == cluster;
                bool samePair = sameBlock && v % UnitsPerCluster * g / UnitsPerCluster == pair;
                fc2[u, v] = !sameBlock ? (float)(0.5e-3 + 0.5e-3 * random.NextDouble()) : g == 1 ? 0.5f : samePair ? 1f : 0.2f;
            }
        }
        var model = nn.Sequential(
            ("fc1", Linear(fc1)), ("relu1", nn.ReLU()), ("fc2", Linear(fc2)), ("relu2", nn.ReLU()), ("head", Linear(head)));
        model.eval();
        return model;
    }

    /// <summary>Five samples per class: input y set to 1, 1.25, 1.5, 1.75 or 2, the rest 0 (ā = 1.5).</summary>
    public static (float[,] Inputs, long[] Labels) SubNetworkData(int classes)
    {
        float[] amplitudes = [1, 1.25f, 1.5f, 1.75f, 2];
        var inputs = new float[classes * amplitudes.Length, classes];
        var labels = new long[classes * amplitudes.Length];
        for (int i = 0; i < labels.Length; i++)
        {
            // Interleaved classes, so that every batch size splits the classes differently.
            labels[i] = i % classes;
            inputs[i, i % classes] = amplitudes[i / classes];
        }
        return (inputs, labels);
    }

    /// <summary>
    /// fc (2 → 4) feeds units 0, 1 with ±x₀ (mean exactly 0 over the symmetric data) and units 2, 3
    /// with x₁ + 2 (mean exactly 2), all dyadic so that every sum is exact; head: logit₀ = r₀,
    /// logit₁ = r₁ + ¼(r₂ + r₃) − 1.2 over the ReLU outputs r. Class 0 is x₀ &gt; 0.
    /// <list type="bullet">
    /// <item>Units {0, 1} ablated, by 0 or by their mean 0 alike: logit₀ = 0 against logit₁ = ½(x₁ + 2) − 1.2
    /// = −0.7 or 0.3, so each class is right exactly when x₁ points its way: Δ = −½ for both classes.</item>
    /// <item>Units {2, 3} zeroed: logit₁ = a − 1.2 loses to 0 when a = 1: Δ₁ = −½, Δ₀ = 0. Replaced by their
    /// mean 2: logit₁ = a − 0.2 still wins: Δ = 0.</item>
    /// </list>
    /// </summary>
    public static nn.Module<Tensor, Tensor> SymmetricMeans()
    {
        var fc = Linear(new float[,] { { 1, 0 }, { -1, 0 }, { 0, 1 }, { 0, 1 } }, [0, 0, 2, 2]);
        var head = Linear(new float[,] { { 1, 0, 0, 0 }, { 0, 1, 0.25f, 0.25f } }, [0, -1.2f]);
        var model = nn.Sequential(("fc", fc), ("relu", nn.ReLU()), ("head", head));
        model.eval();
        return model;
    }

    /// <summary>x = (s·a, t) for s, t ∈ {±1} and a ∈ {1, 2}; class 0 when s = +1. Four samples per class.</summary>
    public static (float[,] Inputs, long[] Labels) SymmetricData()
    {
        var inputs = new float[8, 2];
        var labels = new long[8];
        int i = 0;
        foreach (int s in new[] { 1, -1 })
            foreach (int a in new[] { 1, 2 })
                foreach (int t in new[] { -1, 1 })
                {
                    inputs[i, 0] = s * a;
                    inputs[i, 1] = t;
                    labels[i++] = s > 0 ? 0 : 1;
                }
        return (inputs, labels);
    }

    public static ActivationStream Stream(nn.Module<Tensor, Tensor> model, (float[,] Inputs, long[] Labels) data, int classes, int batchSize = 8) =>
        new(model, size => TinyModels.Batches(data.Inputs, data.Labels, size), CPU, batchSize, classes);

    public static IReadOnlyList<IReadOnlyList<int>> Blocks() =>
        Enumerable.Range(0, Clusters).Select(c => (IReadOnlyList<int>)Enumerable.Range(c * UnitsPerCluster, UnitsPerCluster).ToArray()).ToArray();

    public static string[] ClassNames(int classes) => Enumerable.Range(0, classes).Select(y => $"class {y}").ToArray();

    private static Linear Linear(float[,] weight, float[]? bias = null)
    {
        var linear = nn.Linear(weight.GetLength(1), weight.GetLength(0));
        using (no_grad())
        {
            linear.weight!.copy_(tensor(weight));
            linear.bias!.copy_(tensor(bias ?? new float[weight.GetLength(0)]));
        }
        return linear;
    }
}
