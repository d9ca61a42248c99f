using System.Globalization;
using InterpAudit.Lib;
using InterpAudit.Results;

namespace InterpAudit.Reporting.Sections;

/// <summary>
/// The report's LIB section: per layer, how many features LIB and PCA keep and the cumulative share
/// of each spectrum (a line chart: a curve that rises faster means fewer features carry the
/// computation); per adjacent pair, edges90 and the sparsity gain, with a heat map of the strongest
/// LIB interaction edges.
/// </summary>
internal sealed class LibSection : ReportSection<LibView>
{
    private const int SpectrumPoints = 64;
    private const int HeatMapFeatures = 16;
    private const double ChartWidth = 320, ChartHeight = 120;

    public override string Name => "lib";

    public override int Order => 40;

    public override LibView? Build(AuditResult result)
    {
        LibResult? lib = result.Measurements.Values.OfType<LibResult>().FirstOrDefault();
        if (lib is null) return null;
        return new LibView(
            Tau: lib.Tau.ToString("0.##E+0", CultureInfo.InvariantCulture),
            Samples: lib.InputSamples,
            Layers: lib.Layers.Select(l => new LibView.Layer(
                l.Layer, l.Units, l.LibFeatures, l.LibFeatures99, l.PcaFeatures, l.PcaFeatures99,
                LibCurve: Cumulative(l.LibSpectrum, Points(l)),
                PcaCurve: Cumulative(l.PcaSpectrum, Points(l)),
                ChartWidth: (int)ChartWidth + 40,
                ChartHeight: (int)ChartHeight + 30,
                AxisY: Svg.Px(ChartHeight + 5),
                AxisEnd: Svg.Px(ChartWidth + 30))).ToArray(),
            Pairs: lib.Interactions.Select(p => new LibView.Pair(
                p.FromLayer, p.ToLayer, p.LibEdges90, p.PcaEdges90,
                Gain: p.SparsityGain.ToString("0.00", CultureInfo.InvariantCulture),
                Cells: HeatMap(p.LibTopEdges),
                Size: HeatMapFeatures * 12 + 40)).ToArray());
    }

    /// <summary>One x-scale for both curves of a layer: the longer spectrum, at most <see cref="SpectrumPoints"/>.</summary>
    private static int Points(LibLayerResult layer) => Math.Min(SpectrumPoints, Math.Max(layer.LibSpectrum.Count, layer.PcaSpectrum.Count));

    /// <summary>SVG polyline points of the cumulative share Σ_{j≤i} λ_j / Σ λ over the first <paramref name="count"/> features.</summary>
    private static string Cumulative(IReadOnlyList<double> spectrum, int count)
    {
        double total = spectrum.Where(v => v > 0).Sum();
        if (total <= 0) return "";
        double running = 0;
        var points = new List<string> { $"30,{Svg.Px(ChartHeight + 5)}" };
        for (int i = 0; i < count; i++)
        {
            running += i < spectrum.Count ? Math.Max(0, spectrum[i]) : 0;
            double x = 30 + (i + 1) * ChartWidth / Math.Max(1, count);
            double y = 5 + ChartHeight * (1 - running / total);
            points.Add($"{Svg.Px(x)},{Svg.Px(y)}");
        }
        return string.Join(' ', points);
    }

    /// <summary>The strongest edges among the first features, as cells whose opacity is the edge's share of the largest.</summary>
    private static LibView.Cell[] HeatMap(IReadOnlyList<InteractionEdge> edges)
    {
        var shown = edges.Where(e => e.Target < HeatMapFeatures && e.Source < HeatMapFeatures).ToList();
        double max = shown.Select(e => e.Mass).DefaultIfEmpty(1).Max();
        return shown.Select(e => new LibView.Cell(
            X: 30 + e.Source * 12,
            Y: 10 + e.Target * 12,
            Opacity: (max > 0 ? e.Mass / max : 0).ToString("0.###", CultureInfo.InvariantCulture))).ToArray();
    }
}
