using System.Security.Cryptography;
using InterpAudit.Auditing;
using InterpAudit.Diagnostics;
using TorchSharp;

namespace InterpAudit.Runner.Loading;

/// <summary>Loads trained weights into a model after checking that every tensor's name and shape match.</summary>
public sealed class WeightsLoader : IWeightsLoader
{
    public static WeightsLoader Instance { get; } = new();

    /// <summary>Loads <paramref name="path"/> into <paramref name="model"/>; returns the file's SHA-256 (hex).</summary>
    public string Load(torch.nn.Module model, string path)
    {
        if (!File.Exists(path))
            throw new AuditInputException(DiagnosticCodes.WeightsMissing,
                $"Weights file '{Path.GetFullPath(path)}' does not exist: expected the trained model saved with Module.save. Train the model first (or fix IAuditTarget.WeightsPath).",
                path);

        // One open handle for the check, the load and the hash: a training run that saves new weights
        // meanwhile (write and rename, as Module.save callers should) replaces the path, not the file
        // read here, so the audited weights and the SHA-256 in metrics.json are always the same bytes.
        using FileStream stream = File.OpenRead(path);
        IReadOnlyList<WeightsEntry> entries = TorchSharpWeightsFile.ReadEntries(stream, path);
        CheckMatches(model, entries, path);
        try
        {
            stream.Position = 0;
            // Through a reader that leaves the stream open: TorchSharp's load(Stream) closes it.
            using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
            model.load(reader, strict: true);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or EndOfStreamException)
        {
            throw new AuditInputException(DiagnosticCodes.WeightsCorrupt,
                $"Weights file '{path}' could not be loaded by TorchSharp: {e.Message}", path, e);
        }
        stream.Position = 0;
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    internal static void CheckMatches(torch.nn.Module model, IReadOnlyList<WeightsEntry> entries, string path)
    {
        Dictionary<string, long[]> expected = model.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.shape);
        var found = entries.ToDictionary(e => e.Name);
        var problems = new List<string>();
        foreach ((string name, long[] shape) in expected)
        {
            if (!found.TryGetValue(name, out WeightsEntry? entry))
                problems.Add($"'{name}' {Format(shape)} is missing");
            else if (!entry.Shape.SequenceEqual(shape))
                problems.Add($"'{name}': expected {Format(shape)}, found {entry.ShapeText}");
        }
        problems.AddRange(found.Keys.Where(k => !expected.ContainsKey(k)).Select(k => $"'{k}' {found[k].ShapeText} is not in the model"));
        if (problems.Count > 0)
            throw new AuditInputException(DiagnosticCodes.WeightsShapeMismatch,
                $"Weights file '{path}' was saved from a different architecture than {model.GetType().Name}: {string.Join("; ", problems)}. Retrain, or make CreateModel build the architecture the weights came from.",
                path);
    }

    private static string Format(long[] shape) => "[" + string.Join(", ", shape) + "]";
}
