using System.Globalization;
using System.Text.Json;
using InterpAudit.Ablation;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace InterpAudit.Bench;

/// <summary>
/// bench/reference/ablation.py on the model, data and clusters of the tool's cluster-ablation row:
/// the same amount of work (unit means, the clean model and every variant) in numpy, and each
/// cluster's Δ per class compared with the tool's.
/// </summary>
internal static class AblationReference
{
    public static Measurement.Timing Time(string repositoryRoot, nn.Module<Tensor, Tensor> model, Tensor data, Tensor labels,
        IReadOnlyList<IReadOnlyList<int>> clusters, int classes, ClusterAblationResult tool, Measurement.Timing timing)
    {
        const string name = "  numpy reference (bench/reference/ablation.py)";
        PythonReference? python = PythonReference.Find(repositoryRoot, out string? missing, "numpy");
        if (python is null) return new Measurement.Timing(name, double.NaN, double.NaN, double.NaN, 0, "skipped: " + missing);
        string folder = Directory.CreateTempSubdirectory("interpaudit-ablation-").FullName;
        try
        {
            File.WriteAllBytes(Path.Combine(folder, "inputs.f32"), System.Runtime.InteropServices.MemoryMarshal.AsBytes(data.contiguous().data<float>().ToArray().AsSpan()).ToArray());
            File.WriteAllBytes(Path.Combine(folder, "labels.i64"), System.Runtime.InteropServices.MemoryMarshal.AsBytes(labels.contiguous().data<long>().ToArray().AsSpan()).ToArray());
            var layers = new List<object>();
            foreach ((string layer, nn.Module module) in model.named_children())
            {
                if (module is not Linear linear) continue;
                File.WriteAllBytes(Path.Combine(folder, layer + ".weight.f32"), System.Runtime.InteropServices.MemoryMarshal.AsBytes(linear.weight!.detach().contiguous().data<float>().ToArray().AsSpan()).ToArray());
                File.WriteAllBytes(Path.Combine(folder, layer + ".bias.f32"), System.Runtime.InteropServices.MemoryMarshal.AsBytes(linear.bias!.detach().contiguous().data<float>().ToArray().AsSpan()).ToArray());
                layers.Add(new { name = layer, outputs = linear.weight.shape[0], inputs = linear.weight.shape[1] });
            }
            File.WriteAllText(Path.Combine(folder, "ablation.json"), JsonSerializer.Serialize(new
            {
                samples = data.shape[0],
                classes,
                randomSets = tool.Options.RandomSets,
                clusters,
                layers,
            }));
            JsonElement result = python.Run("ablation.py", folder);
            double seconds = result.GetProperty("seconds").GetDouble();
            int cells = 0, agree = 0;
            foreach ((string kind, AblationKindResult ours) in new[] { ("zero", tool.Zero), ("mean", tool.Mean) })
            {
                JsonElement theirs = result.GetProperty("deltas").GetProperty(kind);
                for (int c = 0; c < ours.Delta.Count; c++)
                    for (int y = 0; y < classes; y++)
                    {
                        cells++;
                        // One sample of a class moves Δ by 1/total: equal counts give equal Δ to the last bit.
                        if (Math.Abs(theirs[c][y].GetDouble() - ours.Delta[c][y]) < 1e-12) agree++;
                    }
            }
            return new Measurement.Timing(name, seconds, seconds, seconds, 1,
                $"cluster Δ equal in {agree.ToString(CultureInfo.InvariantCulture)} of {cells} cells (float32 argmax near-ties may differ); the tool runs at {PythonReference.Ratio(timing.MedianSeconds, seconds)}");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
