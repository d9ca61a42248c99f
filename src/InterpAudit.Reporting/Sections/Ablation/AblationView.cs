namespace InterpAudit.Reporting.Sections;

/// <summary>Cluster ablation: per ablated layer, a heat map per ablation kind and a row per cluster.</summary>
internal sealed record AblationView(IReadOnlyList<AblationView.Layer> Layers)
{
    public sealed record Layer(string Name, int Clusters, int Units, int RandomSets, string Source, IReadOnlyList<Kind> Kinds, IReadOnlyList<Row> Rows);

    /// <summary>
    /// One ablation kind (zero or mean): its mean specialisation against random sets, the largest
    /// collateral drop, and the cluster × class Δ-accuracy heat map (drops red, gains blue): labelled SVG
    /// cells (<see cref="Cells"/>) while it is small, else one image (<see cref="Image"/>, a data: URI, a
    /// pixel per cell) with the values in <see cref="Deltas"/> and as a CSV file (<see cref="Values"/>); the
    /// other members are then empty or null.
    /// </summary>
    public sealed record Kind(string Name, string MeanSpecialization, string RandomSpecialization, string Collateral, string Width, string Height,
        IReadOnlyList<Column> Columns, IReadOnlyList<RowLabel> RowLabels, IReadOnlyList<Cell> Cells, string? Image, DeltaTable? Deltas, ValuesFile? Values);

    /// <summary>
    /// A large map's every Δ, unrounded, as a CSV download (a row per class, a column per cluster). The
    /// built-in page links it instead of printing the table: at 100 classes and 20 layers the tables were
    /// 32,000 cells, half the page's elements and most of the time it took to open.
    /// </summary>
    public sealed record ValuesFile(string FileName, string DataUri, int Classes, int Clusters);

    /// <summary>A large map's values: a row per class, a column per cluster (<see cref="Clusters"/>).</summary>
    public sealed record DeltaTable(IReadOnlyList<string> Clusters, IReadOnlyList<DeltaRow> Rows);

    public sealed record DeltaRow(string Name, IReadOnlyList<string> Values);

    public sealed record Column(string Name, string X);

    public sealed record RowLabel(string Label, string Y);

    public sealed record Cell(string X, string Y, string TextX, string TextY, string Fill, string Opacity, string Value, string Title);

    /// <summary>A cluster's size and its figures under each kind.</summary>
    public sealed record Row(int Cluster, int Units, ClusterFigures Zero, ClusterFigures Mean);

    /// <summary>S, its rank p against random sets, the classes the cluster owns and its collateral drop.</summary>
    public sealed record ClusterFigures(string Specialization, string Percentile, string Owns, string Collateral);
}
