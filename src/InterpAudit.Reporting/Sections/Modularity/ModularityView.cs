namespace InterpAudit.Reporting.Sections;

/// <summary>Modularity: a row per clustered layer with its figures and its block-ordered |W| heat map.</summary>
internal sealed record ModularityView(IReadOnlyList<ModularityView.Layer> Layers)
{
    /// <summary>
    /// A layer's clusterability against its shuffle null, the normalised figure, Q_B and dead units;
    /// the heat map as one image (<see cref="Image"/>, a data: URI, null for an empty grid, a pixel per grid cell shaded by |w|
    /// over the largest) under the lines between co-clusters; and <see cref="Blocks"/>, the mean |W| per
    /// pair of groups, the map's text equivalent.
    /// </summary>
    public sealed record Layer(string Name, string Shape, int Clusters, string Clusterability, string NullMean, string Normalized,
        string Modularity, int Dead, string Width, string Height, string? Image, IReadOnlyList<Line> Boundaries, BlockTable Blocks);

    public sealed record Line(string X1, string X2, string Y1, string Y2);

    /// <summary>Mean |W| per output group (a row each) and input group (<see cref="Columns"/>); <see cref="Exact"/> when no grid cell spans two units.</summary>
    public sealed record BlockTable(IReadOnlyList<string> Columns, IReadOnlyList<BlockRow> Rows, bool Exact);

    public sealed record BlockRow(string Group, IReadOnlyList<string> Values);
}
