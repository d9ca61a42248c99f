namespace InterpAudit.Reporting.Sections;

/// <summary>Effective circuit size across audits: grouped bars, a group per class and a bar per audit, and the legend.</summary>
internal sealed record CircuitComparisonView(string Mode, int Width, int Height, IReadOnlyList<CircuitComparisonView.Group> Groups,
    IReadOnlyList<CircuitComparisonView.Entry> Legend)
{
    public sealed record Group(string Name, int LabelY, IReadOnlyList<Bar> Bars);

    public sealed record Bar(int Y, string Width, string Color, string ValueX, int TextY, string Value, string Title);

    /// <summary>An audit's colour and its mean ECS.</summary>
    public sealed record Entry(string Name, string Color, string Mean);
}
