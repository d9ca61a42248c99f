using System.Globalization;
using System.Text.Json;
using InterpAudit.Circuits;

namespace InterpAudit.Bench;

/// <summary>
/// bench/reference/ecs_exact.py on the class the tool's row pruned: the same chain and samples, written
/// as raw float64, pruned by an independent numpy implementation of the definition.
/// </summary>
internal static class EcsReference
{
    public static Measurement.Timing Time(string repositoryRoot, LinearChain chain, ClassInputs samples, Measurement.Timing tool)
    {
        const string name = "  numpy reference (bench/reference/ecs_exact.py)";
        PythonReference? python = PythonReference.Find(repositoryRoot, out string? missing, "numpy");
        if (python is null) return new Measurement.Timing(name, double.NaN, double.NaN, double.NaN, 0, "skipped: " + missing);
        string folder = Directory.CreateTempSubdirectory("interpaudit-ecs-").FullName;
        try
        {
            PythonReference.WriteDoubles(Path.Combine(folder, "inputs.f64"), samples.Inputs.AsSpan(0, samples.Count * samples.Width));
            foreach (ChainLayer layer in chain.Layers)
            {
                PythonReference.WriteDoubles(Path.Combine(folder, layer.Name + ".weight.f64"), layer.Weight);
                PythonReference.WriteDoubles(Path.Combine(folder, layer.Name + ".bias.f64"), layer.Bias);
            }
            File.WriteAllText(Path.Combine(folder, "chain.json"), JsonSerializer.Serialize(new
            {
                samples = samples.Count,
                label = samples.Label,
                layers = chain.Layers.Select(l => new { name = l.Name, outputs = l.Outputs, inputs = l.Inputs }),
            }));
            JsonElement result = python.Run("ecs_exact.py", folder);
            double seconds = result.GetProperty("seconds").GetDouble();
            string ecs = result.GetProperty("ecs").GetDouble().ToString("F4", CultureInfo.InvariantCulture);
            return new Measurement.Timing(name, seconds, seconds, seconds, 1,
                $"ECS {ecs}, {result.GetProperty("trials").GetInt64():N0} trials; the tool runs at {PythonReference.Ratio(tool.MedianSeconds, seconds)}");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
