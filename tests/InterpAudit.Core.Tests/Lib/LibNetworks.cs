using InterpAudit.Capture;
using InterpAudit.Lib;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace InterpAudit.Tests.Lib;

/// <summary>
/// Float64 networks and data sets with known LIB answers (spec lib.md, "Ground truths"). Weights come
/// from System.Random, not libtorch's generator, so the figures do not depend on the libtorch build.
/// </summary>
internal static class LibNetworks
{
    public static double[,] Gaussian(Random random, int rows, int columns, double scale = 1)
    {
        var m = new double[rows, columns];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < columns; j++)
            {
                double u1 = 1 - random.NextDouble(), u2 = random.NextDouble();
                m[i, j] = scale * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
            }
        return m;
    }

    public static double[,] Multiply(double[,] a, double[,] b)
    {
        int n = a.GetLength(0), k = a.GetLength(1), m = b.GetLength(1);
        var c = new double[n, m];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < m; j++)
                for (int t = 0; t < k; t++)
                    c[i, j] += a[i, t] * b[t, j];
        return c;
    }

    public static Linear Linear(double[,] weight, double[] bias)
    {
        var linear = nn.Linear(weight.GetLength(1), weight.GetLength(0), dtype: ScalarType.Float64);
        using (no_grad())
        {
            linear.weight!.copy_(tensor(weight));
            linear.bias!.copy_(tensor(bias));
        }
        return linear;
    }

    public static double[] Vector(Random random, int length) => Enumerable.Range(0, length).Select(_ => random.NextDouble() - 0.5).ToArray();

    /// <summary>A stream over <paramref name="inputs"/> (float64, one row per sample) with all labels 0.</summary>
    public static ActivationStream Stream(nn.Module<Tensor, Tensor> model, double[,] inputs, int batchSize = 256) =>
        Stream(model, tensor(inputs), batchSize);

    /// <summary>A stream over the first dimension of <paramref name="data"/> (any shape, e.g. [N, C, H, W]) with all labels 0.</summary>
    public static ActivationStream Stream(nn.Module<Tensor, Tensor> model, Tensor data, int batchSize = 256)
    {
        model.eval();
        int n = (int)data.shape[0];
        return new ActivationStream(model, size => Batches(data, n, size), CPU, batchSize, classCount: 1);
    }

    private static IEnumerable<LabelledBatch> Batches(Tensor data, int n, int size)
    {
        for (int start = 0; start < n; start += size)
        {
            int b = Math.Min(size, n - start);
            yield return new LabelledBatch(data.narrow(0, start, b).clone(), zeros(b, dtype: ScalarType.Int64));
        }
    }

    public static LibAnalysis Measure(nn.Module<Tensor, Tensor> model, double[,] inputs, string[] layers, LibOptions? options = null) =>
        LocalInteractionBasis.Measure(Stream(model, inputs), layers, options ?? new LibOptions());

    public static LibAnalysis Measure(nn.Module<Tensor, Tensor> model, Tensor inputs, string[] layers, LibOptions? options = null) =>
        LocalInteractionBasis.Measure(Stream(model, inputs), layers, options ?? new LibOptions());

    /// <summary>A float64 Conv2d with the given weight [out, in, kh, kw] and bias, padding keeping the spatial size.</summary>
    public static Conv2d Convolution(double[,,,] weight, double[] bias)
    {
        int outputs = weight.GetLength(0), inputs = weight.GetLength(1), kernel = weight.GetLength(2);
        var conv = nn.Conv2d(inputs, outputs, kernel, padding: kernel / 2, dtype: ScalarType.Float64);
        using (no_grad())
        {
            conv.weight!.copy_(tensor(weight));
            conv.bias!.copy_(tensor(bias));
        }
        return conv;
    }
}
