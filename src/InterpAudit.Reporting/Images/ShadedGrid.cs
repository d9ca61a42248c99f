namespace InterpAudit.Reporting.Images;

/// <summary>
/// A heat map's cells as one raster image, a pixel per cell (the page scales it up without smoothing,
/// report.css), for maps too large to draw as an SVG rectangle per cell. The palette holds the distinct
/// colours in the order the cells first use them, so the same grid always gives the same bytes.
/// </summary>
internal static class ShadedGrid
{
    /// <summary>The PNG's data: URI; <paramref name="colour"/> gives the cell at (column, row).</summary>
    public static string DataUri(int columns, int rows, Func<int, int, Rgb> colour)
    {
        var palette = new List<Rgb>();
        var index = new Dictionary<Rgb, byte>();
        var pixels = new byte[columns * rows];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < columns; c++)
            {
                Rgb shade = colour(c, r);
                if (!index.TryGetValue(shade, out byte i))
                {
                    if (palette.Count == 256) throw new InvalidOperationException("A heat map has at most 256 distinct shades; quantise its opacities.");
                    index[shade] = i = (byte)palette.Count;
                    palette.Add(shade);
                }
                pixels[r * columns + c] = i;
            }
        return IndexedPng.DataUri(IndexedPng.Encode(columns, rows, palette, pixels));
    }
}
