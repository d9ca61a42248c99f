using System.Globalization;

namespace InterpAudit.Reporting.Images;

/// <summary>An opaque colour, 8 bits a channel.</summary>
internal readonly record struct Rgb(byte R, byte G, byte B)
{
    public static Rgb White { get; } = new(255, 255, 255);

    /// <summary>From <c>#rrggbb</c>.</summary>
    public static Rgb Parse(string hex) => new(
        byte.Parse(hex.AsSpan(1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
        byte.Parse(hex.AsSpan(3, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
        byte.Parse(hex.AsSpan(5, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));

    /// <summary>
    /// This colour at <paramref name="opacity"/> over white, as the SVG heat maps' fill-opacity draws
    /// it over the white page (source-over compositing), so a raster map shows the same shades.
    /// </summary>
    public Rgb OverWhite(double opacity)
    {
        static byte Mix(byte channel, double a) => (byte)Math.Round(a * channel + (1 - a) * 255, MidpointRounding.AwayFromZero);
        return new(Mix(R, opacity), Mix(G, opacity), Mix(B, opacity));
    }
}
