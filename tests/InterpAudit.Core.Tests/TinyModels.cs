using InterpAudit.Auditing;
using TorchSharp;
using static TorchSharp.torch;

namespace InterpAudit.Tests;

/// <summary>Small models and data sets with answers that can be worked out by hand.</summary>
internal static class TinyModels
{
    /// <summary>A 2-input, 2-class linear model that predicts class 1 exactly when x0 &gt; x1.</summary>
    public static nn.Module<Tensor, Tensor> Comparator()
    {
        var model = nn.Sequential(("fc", nn.Linear(2, 2)));
        using (no_grad())
        {
            var fc = (TorchSharp.Modules.Linear)model.named_modules().First(m => m.name == "fc").module;
            fc.weight!.copy_(tensor(new float[] { -1, 1, 1, -1 }, [2, 2]));
            fc.bias!.zero_();
        }
        return model;
    }

    public static IEnumerable<LabelledBatch> Batches(float[,] inputs, long[] labels, int batchSize)
    {
        int n = labels.Length, d = inputs.GetLength(1);
        for (int start = 0; start < n; start += batchSize)
        {
            int b = Math.Min(batchSize, n - start);
            var x = new float[b * d];
            for (int i = 0; i < b; i++)
                for (int j = 0; j < d; j++)
                    x[i * d + j] = inputs[start + i, j];
            yield return new LabelledBatch(tensor(x, [b, d]), tensor(labels[start..(start + b)], [b]));
        }
    }

    /// <summary>TorchSharp's own load, for engine tests: checking the file is the runner's loader's job (Runner.Tests).</summary>
    public static IWeightsLoader Weights { get; } = new PlainWeightsLoader();

    private sealed class PlainWeightsLoader : IWeightsLoader
    {
        public string Load(nn.Module model, string path)
        {
            if (!File.Exists(path))
                throw new InterpAudit.Diagnostics.AuditInputException(InterpAudit.Diagnostics.DiagnosticCodes.WeightsMissing, $"no weights at {path}", path);
            model.load(path);
            return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)));
        }
    }

    public static string TempFile(string extension = ".bin") =>
        Path.Combine(Path.GetTempPath(), "interpaudit-tests", Guid.NewGuid().ToString("N") + extension);
}
