using static TorchSharp.torch;

namespace InterpAudit;

/// <summary>
/// One batch of evaluation data: model inputs (batch first) and integer class labels (shape [batch]).
/// The audit disposes both tensors when it is done with the batch.
/// </summary>
public sealed record LabelledBatch(Tensor Inputs, Tensor Labels) : IDisposable
{
    /// <inheritdoc />
    public void Dispose()
    {
        Inputs.Dispose();
        Labels.Dispose();
    }
}
