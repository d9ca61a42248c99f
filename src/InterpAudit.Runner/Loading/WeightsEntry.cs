namespace InterpAudit.Runner.Loading;

/// <summary>One tensor's header in a TorchSharp weights file.</summary>
/// <param name="Name">The state-dict key, e.g. <c>fc1.weight</c>.</param>
/// <param name="ScalarType">TorchSharp's <c>ScalarType</c> code (6 = float32).</param>
/// <param name="Shape">The tensor's dimensions.</param>
internal sealed record WeightsEntry(string Name, int ScalarType, long[] Shape)
{
    public string ShapeText => "[" + string.Join(", ", Shape) + "]";
}
