namespace InterpAudit.Information;

/// <summary>
/// Every evaluation sample's label and per-unit activations of some layers, on the CPU in float64.
/// Units are stored unit-major (one array of N samples per unit) because every information estimate
/// works on one unit, or one component, at a time.
/// </summary>
/// <param name="Labels">Class label per sample, in stream order.</param>
/// <param name="Units">Per layer, one row of N samples per unit.</param>
internal sealed record CollectedActivations(int[] Labels, IReadOnlyDictionary<string, double[][]> Units)
{
    public int SampleCount => Labels.Length;
}
