using TorchSharp;

namespace InterpAudit.Auditing;

/// <summary>
/// Puts trained weights into the model the target created. The engine does no file I/O of its own: the
/// runner supplies the loader that reads, checks and fingerprints the weights file.
/// </summary>
public interface IWeightsLoader
{
    /// <summary>Loads the weights at <paramref name="path"/> into <paramref name="model"/>; returns the SHA-256 (hex) of the bytes loaded.</summary>
    string Load(torch.nn.Module model, string path);
}
