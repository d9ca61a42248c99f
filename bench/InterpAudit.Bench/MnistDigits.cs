namespace InterpAudit.Bench;

/// <summary>
/// Reads the MNIST sample's digit cache (samples/MnistAudit/Data/MnistCacheFormat.cs: a 20-byte header,
/// then per digit one label byte and 784 pixel bytes), both splits, as the model sees them (byte / 255).
/// The bench needs 1,000 digits of a class; the evaluation split alone has about 200.
/// </summary>
internal static class MnistDigits
{
    private const int Header = 20, Pixels = 784;

    public static (float[] Inputs, long[] Labels) Read(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        int count = BitConverter.ToInt32(bytes, 8) + BitConverter.ToInt32(bytes, 12);
        var inputs = new float[count * Pixels];
        var labels = new long[count];
        for (int d = 0; d < count; d++)
        {
            int at = Header + d * (Pixels + 1);
            labels[d] = bytes[at];
            for (int p = 0; p < Pixels; p++) inputs[d * Pixels + p] = bytes[at + 1 + p] / 255f;
        }
        return (inputs, labels);
    }
}
