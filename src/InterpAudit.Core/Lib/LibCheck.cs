using System.Globalization;
using InterpAudit.Checks;
using InterpAudit.Diagnostics;
using InterpAudit.Results;

namespace InterpAudit.Lib;

/// <summary>
/// Judges <see cref="LibCheckAttribute"/>: per layer the LIB feature counts (<c>libFeatures</c>,
/// <c>libFeatures99</c>), per pair of adjacent layers the LIB edge count (<c>edges90</c>) and the
/// sparsity gain over PCA (<c>sparsityGain</c>), each against its bound (spec lib.md).
/// </summary>
public sealed class LibCheck : Check<LibCheckAttribute, LibResult>
{
    protected override IEnumerable<string> ValidateAgainst(LibCheckAttribute attribute, CheckContext context)
    {
        string[] layers = attribute.Layers ?? [];
        if (layers.Length == 0)
            yield return "Layers is empty; expected at least one layer name, e.g. Layers = new[] { \"relu1\", \"relu2\" }";
        if (layers.Any(string.IsNullOrWhiteSpace))
            yield return "a layer name is empty";
        foreach (string duplicate in layers.GroupBy(l => l).Where(g => g.Count() > 1).Select(g => g.Key))
            yield return $"layer '{duplicate}' is listed twice";
        if (layers.Contains(LocalInteractionBasis.OutputName))
            yield return $"'{LocalInteractionBasis.OutputName}' is the model output, which is always the last layer; list only the hidden layers";
    }

    protected override IEnumerable<string> Layers(LibCheckAttribute attribute) => attribute.Layers ?? [];

    /// <summary><c>lib:relu1,relu2:tau=…</c>: the layers as declared, and the truncation threshold.</summary>
    public static MeasurementId MeasurementOf(LibCheckAttribute attribute, LibOptions options) =>
        MeasurementId.Of("lib", layers: attribute.Layers, options: ("tau", options.Tau));

    /// <summary>Moments and Jacobians per layer, a backward pass per output (the sample: about 15 passes a layer).</summary>
    protected override IEnumerable<PlannedMeasurement> Plan(LibCheckAttribute attribute, CheckContext context) =>
        [new(MeasurementOf(attribute, new LibOptions()), 15.0 * Math.Max(1, attribute.Layers?.Length ?? 0))];

    protected override LibResult Measure(LibCheckAttribute attribute, CheckContext context, CheckDeclaration declaration)
    {
        var options = new LibOptions();
        return AtDeclaration(declaration, () => context.Measure(MeasurementOf(attribute, options),
            () => LocalInteractionBasis.Measure(context.Stream, attribute.Layers, options, context.Progress).Result));
    }

    protected override IEnumerable<MetricValue> Values(LibCheckAttribute attribute, LibResult measured, DeclaredBound bound) => bound.Name switch
    {
        nameof(LibCheckAttribute.MaxLibFeatures) => measured.Layers.Select(l => new MetricValue(LayerScope(l), l.LibFeatures)),
        nameof(LibCheckAttribute.MaxFeatures99) => measured.Layers.Select(l => new MetricValue(LayerScope(l), l.LibFeatures99)),
        nameof(LibCheckAttribute.MaxEdges90) => measured.Interactions.Select(p => new MetricValue(PairScope(p), p.LibEdges90)),
        nameof(LibCheckAttribute.MinSparsityGain) => measured.Interactions.Select(p => new MetricValue(PairScope(p), p.SparsityGain)),
        _ => throw new InvalidOperationException($"LibCheck does not measure {bound.Name}"),
    };

    private static string LayerScope(LibLayerResult layer) => MetricScope.Of(("layer", layer.Layer));

    private static string PairScope(LibInteractionResult pair) => MetricScope.Of(("layers", $"{pair.FromLayer},{pair.ToLayer}"));
}
