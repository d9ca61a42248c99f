using System.Globalization;

namespace InterpAudit.Reporting.Sections;

/// <summary>Number formatting for SVG coordinates (invariant culture, one decimal).</summary>
internal static class Svg
{
    public static string Px(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
