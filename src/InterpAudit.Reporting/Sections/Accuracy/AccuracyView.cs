namespace InterpAudit.Reporting.Sections;

/// <summary>Accuracy per class: overall figure, a bar chart with Wilson intervals (SVG coordinates precomputed) and a table.</summary>
internal sealed record AccuracyView(string Overall, long Samples, int ChartWidth, int ChartHeight,
    IReadOnlyList<AccuracyView.Bar> Bars, IReadOnlyList<AccuracyView.Row> Rows)
{
    public sealed record Bar(string Name, string Value, int Y, int MidY, int TextY, string Width, string LowerX, string UpperX, string LabelX);

    public sealed record Row(string Name, long Correct, long Total, string Value, string Interval);
}
