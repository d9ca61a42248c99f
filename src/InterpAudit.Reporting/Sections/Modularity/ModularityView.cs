namespace InterpAudit.Reporting.Sections;

/// <summary>Modularity: a row per clustered layer with its figures and its block-ordered |W| heat map.</summary>
internal sealed record ModularityView(IReadOnlyList<ModularityView.Layer> Layers)
{
    /// <summary>
    /// A layer's clusterability against its shuffle null, the normalised figure, Q_B and dead units,
    /// and the heat map: a cell per weight (opacity |w| over the largest) and the lines between co-clusters.
    /// </summary>
    public sealed record Layer(string Name, string Shape, int Clusters, string Clusterability, string NullMean, string Normalized,
        string Modularity, int Dead, string Width, string Height, IReadOnlyList<Cell> Cells, IReadOnlyList<Line> Boundaries);

    public sealed record Cell(string X, string Y, string Opacity);

    public sealed record Line(string X1, string X2, string Y1, string Y2);
}
