namespace InterpAudit.Reporting.Sections;

/// <summary>The Local Interaction Basis: truncation and samples, a row per layer with its spectra, a row per adjacent pair with its edges.</summary>
internal sealed record LibView(string Tau, long Samples, IReadOnlyList<LibView.Layer> Layers, IReadOnlyList<LibView.Pair> Pairs)
{
    /// <summary>A layer's feature counts and its cumulative LIB and PCA spectra as SVG polyline points.</summary>
    public sealed record Layer(string Name, int Units, int LibFeatures, int LibFeatures99, int PcaFeatures, int PcaFeatures99,
        string LibCurve, string PcaCurve, int ChartWidth, int ChartHeight, string AxisY, string AxisEnd);

    /// <summary>An adjacent pair's edges for 90% of the mass, the sparsity gain, and a heat map of the strongest LIB edges.</summary>
    public sealed record Pair(string From, string To, int LibEdges90, int PcaEdges90, string Gain, IReadOnlyList<Cell> Cells, int Size);

    public sealed record Cell(int X, int Y, string Opacity);
}
