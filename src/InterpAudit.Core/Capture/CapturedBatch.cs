using static TorchSharp.torch;

namespace InterpAudit.Capture;

/// <summary>
/// One evaluation batch after the forward pass, on the audit's device. Every tensor is disposed when
/// the visitor returns: a measurement keeps running sums, never the tensors themselves.
/// </summary>
/// <param name="Inputs">Model inputs, batch first.</param>
/// <param name="Labels">Class labels, int64, shape [batch].</param>
/// <param name="Logits">Model outputs, shape [batch, classes].</param>
/// <param name="Activations">The requested layers' outputs, by layer name.</param>
internal sealed record CapturedBatch(Tensor Inputs, Tensor Labels, Tensor Logits, IReadOnlyDictionary<string, Tensor> Activations);
