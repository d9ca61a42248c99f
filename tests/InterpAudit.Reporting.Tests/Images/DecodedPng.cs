using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using InterpAudit.Reporting.Images;

namespace InterpAudit.Reporting.Tests.Images;

/// <summary>
/// Reads back what <see cref="IndexedPng"/> writes, by the PNG specification (3rd ed.): the chunks with
/// their CRCs checked, the header's fields, and the pixels through the palette. Only filter type 0 and
/// 8-bit palette images: anything else fails the read, which is the point.
/// </summary>
internal sealed record DecodedPng(int Width, int Height, byte BitDepth, byte ColourType, IReadOnlyList<string> ChunkTypes, Rgb[,] Pixels)
{
    public static DecodedPng FromDataUri(string uri)
    {
        const string prefix = "data:image/png;base64,";
        Assert.StartsWith(prefix, uri);
        return Read(Convert.FromBase64String(uri[prefix.Length..]));
    }

    public static DecodedPng Read(byte[] png)
    {
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        var types = new List<string>();
        byte[] header = [], palette = [];
        var data = new MemoryStream();
        for (int at = 8; at < png.Length;)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            string type = Encoding.ASCII.GetString(png, at + 4, 4);
            byte[] body = png[(at + 8)..(at + 8 + length)];
            Assert.Equal(BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at + 8 + length)), Crc32.Of(png.AsSpan(at + 4, 4 + length)));
            types.Add(type);
            if (type == "IHDR") header = body;
            if (type == "PLTE") palette = body;
            if (type == "IDAT") data.Write(body);
            at += 12 + length;
        }
        int width = BinaryPrimitives.ReadInt32BigEndian(header), height = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(4));
        Assert.Equal(0, palette.Length % 3);

        data.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(data, CompressionMode.Decompress)) zlib.CopyTo(inflated);
        byte[] scanlines = inflated.ToArray();
        Assert.Equal(height * (1 + width), scanlines.Length);
        var pixels = new Rgb[width, height];
        for (int y = 0; y < height; y++)
        {
            Assert.Equal(0, scanlines[y * (1 + width)]); // filter type: none
            for (int x = 0; x < width; x++)
            {
                int index = scanlines[y * (1 + width) + 1 + x];
                pixels[x, y] = new Rgb(palette[3 * index], palette[3 * index + 1], palette[3 * index + 2]);
            }
        }
        return new DecodedPng(width, height, header[8], header[9], types, pixels);
    }
}
