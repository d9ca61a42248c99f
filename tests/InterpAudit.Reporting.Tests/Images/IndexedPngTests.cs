using InterpAudit.Reporting.Images;

namespace InterpAudit.Reporting.Tests.Images;

public sealed class IndexedPngTests
{
    [Fact]
    public void Crc32_gives_the_published_check_value_and_the_IEND_chunk_s_constant()
    {
        // The CRC-32 (ISO 3309) check value of "123456789", and IEND's CRC as every PNG ends: AE 42 60 82.
        Assert.Equal(0xCBF43926u, Crc32.Of("123456789"u8));
        Assert.Equal(0xAE426082u, Crc32.Of("IEND"u8));
    }

    [Fact]
    public void An_image_reads_back_pixel_for_pixel_through_its_palette()
    {
        Rgb red = new(255, 0, 0), blue = new(0, 0, 255), white = Rgb.White;
        byte[] png = IndexedPng.Encode(3, 2, [red, blue, white], [0, 1, 2, 2, 1, 0]);

        DecodedPng image = DecodedPng.Read(png);
        Assert.Equal((3, 2, (byte)8, (byte)3), (image.Width, image.Height, image.BitDepth, image.ColourType));
        Assert.Equal(["IHDR", "PLTE", "IDAT", "IEND"], image.ChunkTypes);
        Assert.Equal([red, blue, white, white, blue, red], [image.Pixels[0, 0], image.Pixels[1, 0], image.Pixels[2, 0], image.Pixels[0, 1], image.Pixels[1, 1], image.Pixels[2, 1]]);
        Assert.Equal(new byte[] { 0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82 }, png[^12..]);
    }

    [Fact]
    public void The_same_pixels_give_the_same_bytes()
    {
        byte[] pixels = Enumerable.Range(0, 64 * 64).Select(i => (byte)(i * 7 % 101)).ToArray();
        Rgb[] palette = Enumerable.Range(0, 101).Select(i => new Rgb((byte)i, (byte)(2 * i), 0)).ToArray();
        Assert.Equal(IndexedPng.Encode(64, 64, palette, pixels), IndexedPng.Encode(64, 64, palette, pixels));
    }

    [Fact]
    public void A_pixel_outside_the_palette_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => IndexedPng.Encode(2, 1, [Rgb.White], [0, 1]));
        Assert.Contains("index 1 is outside the palette of 1", error.Message);
    }

    [Fact]
    public void A_colour_over_white_is_source_over_compositing()
    {
        // #1f2328 at 0.25: 0.25·31 + 0.75·255 = 199, 0.25·35 + 191.25 = 200, 0.25·40 + 191.25 = 201.25.
        Assert.Equal(new Rgb(199, 200, 201), Rgb.Parse("#1f2328").OverWhite(0.25));
        Assert.Equal(Rgb.White, Rgb.Parse("#c44e52").OverWhite(0));
        Assert.Equal(new Rgb(0xc4, 0x4e, 0x52), Rgb.Parse("#c44e52").OverWhite(1));
    }
}
