using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace InterpAudit.Reporting.Images;

/// <summary>
/// A PNG with a palette (colour type 3, 8 bits per pixel; PNG specification, 3rd ed., §11.2): the
/// report's heat maps have few distinct shades, so one byte per cell and a palette of at most 256
/// colours keep a 64 × 64 map to a few kilobytes, where an SVG rectangle per cell took 80. Every
/// scanline uses filter 0 (none), and the zlib stream is System.IO.Compression's, so the bytes are
/// the same on every run of one .NET version.
/// </summary>
internal static class IndexedPng
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The image, <paramref name="indices"/> row-major (width × height palette indices).</summary>
    public static byte[] Encode(int width, int height, IReadOnlyList<Rgb> palette, ReadOnlySpan<byte> indices)
    {
        if (width < 1 || height < 1) throw new ArgumentOutOfRangeException(nameof(width), "An image has at least one pixel.");
        if (palette.Count is < 1 or > 256) throw new ArgumentOutOfRangeException(nameof(palette), "A PNG palette has 1 to 256 entries.");
        if (indices.Length != width * height) throw new ArgumentException($"Expected {width * height} pixels, found {indices.Length}.", nameof(indices));
        foreach (byte index in indices)
            if (index >= palette.Count) throw new ArgumentException($"Pixel index {index} is outside the palette of {palette.Count}.", nameof(indices));

        using var png = new MemoryStream();
        png.Write(Signature);

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;  // bit depth
        header[9] = 3;  // colour type: palette
        // compression 0 (deflate), filter method 0, interlace 0 (none)
        Chunk(png, "IHDR", header);

        Chunk(png, "PLTE", palette.SelectMany(c => new[] { c.R, c.G, c.B }).ToArray());

        using (var pixels = new MemoryStream())
        {
            using (var zlib = new ZLibStream(pixels, CompressionLevel.SmallestSize, leaveOpen: true))
                for (int row = 0; row < height; row++)
                {
                    zlib.WriteByte(0); // the scanline's filter type: none
                    zlib.Write(indices.Slice(row * width, width));
                }
            Chunk(png, "IDAT", pixels.ToArray());
        }

        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>The image as a data: URI, for an SVG <c>&lt;image href&gt;</c> in a page that loads nothing else.</summary>
    public static string DataUri(byte[] png) => "data:image/png;base64," + Convert.ToBase64String(png);

    /// <summary>Length, type, data, and the CRC of type and data (§5.3).</summary>
    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        png.Write(word);
        byte[] typed = [.. Encoding.ASCII.GetBytes(type), .. data];
        png.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32.Of(typed));
        png.Write(word);
    }
}
