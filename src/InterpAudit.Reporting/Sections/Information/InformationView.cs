namespace InterpAudit.Reporting.Sections;

/// <summary>
/// Information about the label: the caution, whether any estimate exceeds H(Y), a bar per layer,
/// a table row per layer and a row per two-layer decomposition.
/// </summary>
internal sealed record InformationView(string Caution, bool AnyAboveEntropy, string LabelEntropy, int ChartWidth, int ChartHeight,
    IReadOnlyList<InformationView.Bar> Bars, IReadOnlyList<InformationView.Layer> Layers, IReadOnlyList<InformationView.Pair> Pairs)
{
    public sealed record Bar(string Name, string Value, int Y, int MidY, int TextY, string Width, string LowerX, string UpperX, string LabelX);

    public sealed record Layer(string Name, string Bits, string Interval, int Components, int Samples, int MinClass, string Significant,
        int Constant, string MaxTies, string TopUnits);

    /// <summary>Co-information of two layers with its sign, and the minimum-mutual-information decomposition.</summary>
    public sealed record Pair(string Layers, string A, string B, string Joint, string CoInformation, string Interval, string Redundancy,
        string UniqueA, string UniqueB, string Synergy);
}
