using System.Globalization;
using System.Text.Json;
using InterpAudit.Lib;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace InterpAudit.Bench;

/// <summary>
/// bench/reference/lib.py on the model, data and layers of a tool's LIB row: the same passes (moments, M'
/// and PCA edges, LIB edges) in PyTorch on Debian's python3-torch, one thread, and the figures compared
/// with the tool's. The reference is independent (its own sums, its own libtorch and BLAS), so it agrees to
/// float round-off, not to the bit: spectra and edge masses within <see cref="Tolerance"/> of the largest
/// value of their layer, feature counts and edges90 equal.
/// </summary>
internal static class LibReference
{
    /// <summary>
    /// The network runs in float32 in both, with different kernels and orders of summation: a gradient's
    /// entries differ by a few float32 ulps (≈1e-7 relative), and a spectrum by about as much relative to its
    /// largest value. 1e-5 leaves room for that, and is far below any difference a wrong definition makes.
    /// </summary>
    private const double Tolerance = 1e-5;

    public static Measurement.Timing Time(string repositoryRoot, Sequential model, Tensor data, int batch, string[] layers,
        LibResult tool, Measurement.Timing timing, double toolCpuSeconds)
    {
        const string name = "  PyTorch reference (bench/reference/lib.py)";
        PythonReference? python = PythonReference.Find(repositoryRoot, out string? missing, "numpy", "torch");
        if (python is null) return new Measurement.Timing(name, double.NaN, double.NaN, double.NaN, 0, "skipped: " + missing);
        string folder = Directory.CreateTempSubdirectory("interpaudit-lib-").FullName;
        try
        {
            WriteFloats(Path.Combine(folder, "inputs.f32"), data);
            var modules = new List<object>();
            foreach ((string module, nn.Module child) in model.named_children())
            {
                switch (child)
                {
                    case Linear linear:
                        WriteFloats(Path.Combine(folder, module + ".weight.f32"), linear.weight!.detach());
                        WriteFloats(Path.Combine(folder, module + ".bias.f32"), linear.bias!.detach());
                        modules.Add(new { name = module, kind = "linear", outputs = linear.weight.shape[0], inputs = linear.weight.shape[1] });
                        break;
                    case ReLU:
                        modules.Add(new { name = module, kind = "relu" });
                        break;
                    default:
                        throw new NotSupportedException($"lib.py has no module like {child.GetType().Name} ('{module}').");
                }
            }
            File.WriteAllText(Path.Combine(folder, "lib.json"), JsonSerializer.Serialize(new
            {
                samples = data.shape[0],
                batch,
                tau = tool.Tau,
                layers,
                modules,
            }));
            JsonElement result = python.Run("lib.py", folder);
            double seconds = result.GetProperty("seconds").GetDouble(), cpu = result.GetProperty("cpuSeconds").GetDouble();
            string agreement = Compare(tool, result);
            return new Measurement.Timing(name, seconds, seconds, seconds, 1,
                $"{agreement}; CPU {cpu:F3} s; the tool runs at {PythonReference.Ratio(timing.MedianSeconds, seconds)} (wall), " +
                $"{(cpu / toolCpuSeconds).ToString("F2", CultureInfo.InvariantCulture)}× (CPU); torch {result.GetProperty("torch").GetString()}, " +
                $"its float32 GEMM {result.GetProperty("gemm32").GetDouble():F1} GFLOP/s");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>"figures agree …" or "figures DIFFER: …", naming the largest deviation of each kind.</summary>
    private static string Compare(LibResult tool, JsonElement reference)
    {
        var differences = new List<string>();
        double spectrum = 0, mass = 0;
        JsonElement[] layers = reference.GetProperty("layers").EnumerateArray().ToArray();
        for (int l = 0; l < tool.Layers.Count; l++)
        {
            LibLayerResult ours = tool.Layers[l];
            JsonElement theirs = layers[l];
            foreach ((string what, int mine) in new[] { ("libFeatures", ours.LibFeatures), ("pcaFeatures", ours.PcaFeatures) })
                if (theirs.GetProperty(what).GetInt32() != mine) differences.Add($"{ours.Layer} {what} {mine} vs {theirs.GetProperty(what).GetInt32()}");
            spectrum = Math.Max(spectrum, Deviation(ours.LibSpectrum, theirs.GetProperty("libSpectrum")));
            spectrum = Math.Max(spectrum, Deviation(ours.PcaSpectrum, theirs.GetProperty("pcaSpectrum")));
        }
        JsonElement[] pairs = reference.GetProperty("interactions").EnumerateArray().ToArray();
        for (int p = 0; p < tool.Interactions.Count; p++)
        {
            LibInteractionResult ours = tool.Interactions[p];
            JsonElement theirs = pairs[p];
            foreach ((string what, int mine) in new[] { ("libEdges90", ours.LibEdges90), ("pcaEdges90", ours.PcaEdges90) })
                if (theirs.GetProperty(what).GetInt32() != mine) differences.Add($"{ours.FromLayer}→{ours.ToLayer} {what} {mine} vs {theirs.GetProperty(what).GetInt32()}");
            double scale = Math.Max(ours.LibEdgeMass + ours.LibConstantEdgeMass, ours.PcaEdgeMass + ours.PcaConstantEdgeMass);
            foreach ((string what, double mine) in new[]
            {
                ("libEdgeMass", ours.LibEdgeMass), ("pcaEdgeMass", ours.PcaEdgeMass),
                ("libConstantEdgeMass", ours.LibConstantEdgeMass), ("pcaConstantEdgeMass", ours.PcaConstantEdgeMass),
            })
                mass = Math.Max(mass, Math.Abs(mine - theirs.GetProperty(what).GetDouble()) / scale);
        }
        if (spectrum > Tolerance) differences.Add($"spectra off by {spectrum:G2} of their largest");
        if (mass > Tolerance) differences.Add($"edge masses off by {mass:G2} of their total");
        string deviations = $"spectra within {spectrum:G2}, edge masses within {mass:G2} (tolerance {Tolerance:G1})";
        return differences.Count == 0
            ? $"feature counts and edges90 equal, {deviations}"
            : $"figures DIFFER: {string.Join("; ", differences)}; {deviations}";
    }

    /// <summary>The largest |a − b| over a spectrum, relative to its largest value (a length mismatch is reported by the counts).</summary>
    private static double Deviation(IReadOnlyList<double> ours, JsonElement theirs)
    {
        double[] values = theirs.EnumerateArray().Select(v => v.GetDouble()).ToArray();
        double scale = Math.Max(ours.Count > 0 ? Math.Abs(ours[0]) : 0, values.Length > 0 ? Math.Abs(values[0]) : 0);
        double deviation = 0;
        for (int k = 0; k < Math.Min(ours.Count, values.Length); k++)
            deviation = Math.Max(deviation, Math.Abs(ours[k] - values[k]) / Math.Max(scale, double.Epsilon));
        return deviation;
    }

    private static void WriteFloats(string path, Tensor tensor) =>
        File.WriteAllBytes(path, System.Runtime.InteropServices.MemoryMarshal.AsBytes(tensor.contiguous().data<float>().ToArray().AsSpan()).ToArray());
}
