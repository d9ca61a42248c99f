using InterpAudit.Circuits;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace InterpAudit.Tests.Circuits;

/// <summary>
/// Networks whose ECS is known by construction (spec modularity.md, "Ground truths for tests").
/// The paths network has 3 classes; path y owns input pixels {2y, 2y+1}, first-layer units
/// {2y, 2y+1}, second-layer units {2y, 2y+1} and logit y, with positive weights inside the path and
/// zero weights between paths. Pixels 6 and 7 feed every first-layer unit but are blank in the data.
/// </summary>
internal static class CircuitNetworks
{
    public const int Classes = 3, Pixels = 8, Hidden = 6;

    /// <summary>8·6 + 6·6 + 6·3 weights.</summary>
    public const int WeightCount = Pixels * Hidden + Hidden * Hidden + Hidden * Classes;

    /// <summary>2×2 + 2×2 + 1×2 weights per path.</summary>
    public const int PathWeights = 10;

    public static nn.Module<Tensor, Tensor> Architecture(nn.Module<Tensor, Tensor>? activation = null) => nn.Sequential(
        ("fc1", nn.Linear(Pixels, Hidden)), ("relu1", activation ?? nn.ReLU()),
        ("fc2", nn.Linear(Hidden, Hidden)), ("relu2", nn.ReLU()),
        ("fc3", nn.Linear(Hidden, Classes)));

    /// <summary>True when weight <paramref name="index"/> (row-major) of layer <paramref name="layer"/> (0 = fc1) is on path y.</summary>
    public static bool OnPath(int layer, int index, int y)
    {
        int inputs = layer == 0 ? Pixels : Hidden;
        int output = index / inputs, input = index % inputs;
        int outputPath = layer == 2 ? output : output / 2;
        return outputPath == y && input / 2 == y && input < 2 * Classes;
    }

    public static nn.Module<Tensor, Tensor> PathsModel(int seed = 5)
    {
        var model = Architecture();
        var random = new Random(seed);
        var layers = model.named_modules().Select(m => m.module).OfType<Linear>().ToArray();
        using (no_grad())
        {
            for (int l = 0; l < 3; l++)
            {
                long outputs = layers[l].weight!.shape[0], inputs = layers[l].weight!.shape[1];
                var w = new float[outputs * inputs];
                for (int k = 0; k < w.Length; k++)
                {
                    bool blankPixel = l == 0 && k % inputs >= 2 * Classes;
                    bool inSomePath = Enumerable.Range(0, Classes).Any(y => OnPath(l, k, y));
                    w[k] = inSomePath || blankPixel ? (float)(0.8 + 0.4 * random.NextDouble()) : 0f;
                }
                layers[l].weight!.copy_(tensor(w, [outputs, inputs]));
                layers[l].bias!.zero_();
            }
        }
        model.eval();
        return model;
    }

    /// <summary>
    /// <paramref name="perClass"/> samples per class: class y is in [0.5, 1] on path y's pixels and 0
    /// elsewhere, except that with <paramref name="leak"/> it is also in [0.5, 1] on the first pixel
    /// of path y + 1 (mod 3), so that path responds to class y.
    /// </summary>
    public static (float[,] Inputs, long[] Labels) PathsData(int perClass, bool leak = false, int seed = 7)
    {
        var random = new Random(seed);
        var inputs = new float[Classes * perClass, Pixels];
        var labels = new long[Classes * perClass];
        for (int s = 0; s < labels.Length; s++)
        {
            int y = s % Classes;
            labels[s] = y;
            inputs[s, 2 * y] = (float)(0.5 + 0.5 * random.NextDouble());
            inputs[s, 2 * y + 1] = (float)(0.5 + 0.5 * random.NextDouble());
            if (leak) inputs[s, 2 * ((y + 1) % Classes)] = (float)(0.5 + 0.5 * random.NextDouble());
        }
        return (inputs, labels);
    }

    public static CapturedChain Capture(nn.Module<Tensor, Tensor> model, float[,] inputs, long[] labels, int maxPerClass = 1000)
    {
        var stream = new InterpAudit.Capture.ActivationStream(model, size => TinyModels.Batches(inputs, labels, size), CPU, 4, Classes);
        return ChainCapture.Capture(stream, maxPerClass);
    }
}
