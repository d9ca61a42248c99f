namespace InterpAudit.Circuits;

/// <summary>
/// One Linear layer of a <see cref="LinearChain"/> in float64, with the activation its output goes
/// through before the next layer (the identity after the last layer, whose outputs are the logits).
/// </summary>
/// <param name="Weight">Row-major <c>[Outputs, Inputs]</c>, TorchSharp's <c>Linear.weight</c> layout.</param>
/// <param name="Bias">Length <c>Outputs</c>; zeros for a Linear without bias. Biases are never pruned: ECS counts weights.</param>
internal sealed record ChainLayer(string Name, int Outputs, int Inputs, double[] Weight, double[] Bias, ElementwiseActivation Activation)
{
    public int WeightCount => Outputs * Inputs;
}
