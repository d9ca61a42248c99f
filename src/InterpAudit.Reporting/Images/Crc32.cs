namespace InterpAudit.Reporting.Images;

/// <summary>
/// CRC-32 as PNG defines it (ISO 3309 / ITU-T V.42: polynomial 0xEDB88320 reflected, initial and final
/// XOR 0xFFFFFFFF; PNG specification, 3rd ed., §5.5 and Annex D), kept here because the hashing package
/// that has it is not a dependency of this project.
/// </summary>
internal static class Crc32
{
    private static readonly uint[] Table = Enumerable.Range(0, 256).Select(n =>
    {
        uint c = (uint)n;
        for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        return c;
    }).ToArray();

    public static uint Of(ReadOnlySpan<byte> data)
    {
        uint c = 0xFFFFFFFFu;
        foreach (byte b in data) c = Table[(c ^ b) & 0xFF] ^ (c >> 8);
        return c ^ 0xFFFFFFFFu;
    }
}
