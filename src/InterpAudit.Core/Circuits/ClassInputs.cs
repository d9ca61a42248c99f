namespace InterpAudit.Circuits;

/// <summary>
/// One class's evaluation samples as the first Linear layer receives them: <see cref="Count"/> rows of
/// <see cref="Width"/> values, row-major, in stream order.
/// </summary>
internal sealed record ClassInputs(int Label, int Count, int Width, double[] Inputs)
{
    public ReadOnlySpan<double> Row(int sample) => Inputs.AsSpan(sample * Width, Width);
}
