namespace InterpAudit.Reporting.Sections;

/// <summary>Effective circuit size: the caveats every ECS figure needs, and a run per sample cap.</summary>
internal sealed record CircuitView(IReadOnlyList<string> Caveats, IReadOnlyList<CircuitView.Run> Runs)
{
    /// <summary>
    /// One sample cap's measurement: the chain and criterion, the exact and/or fast mean (null for a mode
    /// not run), the two modes' agreement (null unless both ran), the bar chart, the gated table and the
    /// measured-but-not-gated one. <see cref="Judged"/> is the mode the checks judge (exact when it ran,
    /// as CircuitCheck gates it); <see cref="Unjudged"/> the other mode when it ran too, else null.
    /// </summary>
    public sealed record Run(string Chain, string Criterion, int Cap, string Weights, bool HasExact, bool HasFast, string? ExactMean, string? FastMean,
        string Judged, string? Unjudged, Agreement? Agreement, string Scale, int ChartWidth, int ChartHeight, string AxisY, string AxisEnd, string ScaleY,
        IReadOnlyList<Bar> Bars, IReadOnlyList<Row> Rows, IReadOnlyList<UnjudgedRow> UnjudgedRows);

    public sealed record Agreement(string MeanDifference, string MaxDifference, string MeanJaccard);

    /// <summary>A class's bars (widths null for a mode not run) and the committed baseline's tick, when it has one.</summary>
    public sealed record Bar(string Name, string TextY, string ExactY, string FastY, string? ExactWidth, string? FastWidth, string Value, string LabelX,
        bool HasBaseline, string BaselineX, string BaselineY1, string BaselineY2);

    /// <summary>A class's gated figure: the judged mode's ECS, its baseline, zeroed weights and losses.</summary>
    public sealed record Row(string Name, int Samples, string Ecs, string Baseline, string Zeroed, string Loss);

    /// <summary>A class's figures that no check judges: the other mode's ECS and its agreement with the judged mode.</summary>
    public sealed record UnjudgedRow(string Name, string Ecs, string Difference, string Jaccard);
}
