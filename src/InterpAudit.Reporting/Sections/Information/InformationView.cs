namespace InterpAudit.Reporting.Sections;

/// <summary>
/// Information about the label: the caution, H(Y) and where it falls on the chart (the ceiling of every
/// layer figure), a bar per layer, a table row per layer with bits and share of H(Y), and a row per
/// two-layer decomposition.
/// </summary>
internal sealed record InformationView(string Caution, bool AnyAboveEntropy, string LabelEntropy, string EntropyX, int ChartWidth, int ChartHeight,
    IReadOnlyList<InformationView.Bar> Bars, IReadOnlyList<InformationView.Layer> Layers, IReadOnlyList<InformationView.Pair> Pairs)
{
    public sealed record Bar(string Name, string Value, int Y, int MidY, int TextY, string Width, string LowerX, string UpperX, string LabelX);

    /// <param name="Share">Bits as a share of H(Y), with <paramref name="ShareInterval"/> the interval's.</param>
    /// <param name="ModelComparison">The model-comparison estimate (gcmi_model_cd): a diagnostic, not bounded by H(Y), not gated.</param>
    public sealed record Layer(string Name, string Bits, string Interval, string Share, string ShareInterval, string ModelComparison,
        int Components, int Samples, int MinClass, string Significant, int Constant, string MaxTies, string TopUnits);

    /// <summary>Co-information of two layers with its sign, and the minimum-mutual-information decomposition.</summary>
    public sealed record Pair(string Layers, string A, string B, string Joint, string CoInformation, string Interval, string Redundancy,
        string UniqueA, string UniqueB, string Synergy);
}
