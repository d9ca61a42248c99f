using InterpAudit.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;

namespace InterpAudit.Capture;

/// <summary>
/// The named sub-modules of a model (the names <c>named_modules()</c> gives, e.g. <c>fc1</c> or
/// <c>encoder.block0.fc</c>), which is how checks name the layers they read.
/// </summary>
public sealed class ModelLayers
{
    private readonly Dictionary<string, nn.Module> _byName;

    public ModelLayers(nn.Module model)
    {
        _byName = model.named_modules().Where(m => m.Item1.Length > 0).ToDictionary(m => m.Item1, m => m.Item2);
    }

    public IReadOnlyCollection<string> Names => _byName.Keys;

    /// <summary>The module <paramref name="name"/> names in <c>named_modules()</c>, or null (the model itself has no name).</summary>
    public static nn.Module? Find(nn.Module model, string name) =>
        name.Length == 0 ? null : model.named_modules().FirstOrDefault(m => m.name == name).module;

    /// <summary>The layer whose output a hook can capture; IA3006 when there is no such layer.</summary>
    public nn.Module<Tensor, Tensor> Resolve(string name, string modelType)
    {
        if (!_byName.TryGetValue(name, out nn.Module? module))
            throw new AuditInputException(DiagnosticCodes.UnknownLayer,
                $"Layer '{name}' does not exist in {modelType}: expected one of {string.Join(", ", _byName.Keys.Select(k => $"'{k}'"))}.");
        if (module is not nn.Module<Tensor, Tensor> tensorModule)
            throw new AuditInputException(DiagnosticCodes.UnknownLayer,
                $"Layer '{name}' in {modelType} is a {module.GetType().Name}, which does not map one tensor to one tensor; expected a layer such as Linear, Conv2d or ReLU.");
        return tensorModule;
    }
}
