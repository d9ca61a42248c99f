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
public sealed class LibCheck : Check<LibCheckAttribute>
{
    public const string Family = "lib";

    /// <summary>
    /// Counts (features, edges) one unit or 5 % of the baseline, whichever is more: a count that did not
    /// vary over the calibration runs still may move by one. The sparsity gain, a ratio of counts: 5 %.
    /// </summary>
    public override RegressionTolerance DefaultTolerance(string metric) => metric == "sparsityGain" ? new(0.05, 0.05) : new(1, 0.05);

    protected override IEnumerable<string> Validate(LibCheckAttribute attribute, CheckContext context)
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
        if (new[] { attribute.MaxLibFeatures, attribute.MaxFeatures99, attribute.MaxEdges90, attribute.MinSparsityGain }.All(double.IsNaN))
            yield return "none of MaxLibFeatures, MaxFeatures99, MaxEdges90 and MinSparsityGain is set";
        foreach ((string name, double bound) in new[]
                 {
                     (nameof(attribute.MaxLibFeatures), attribute.MaxLibFeatures), (nameof(attribute.MaxFeatures99), attribute.MaxFeatures99),
                     (nameof(attribute.MaxEdges90), attribute.MaxEdges90), (nameof(attribute.MinSparsityGain), attribute.MinSparsityGain),
                 })
            if (!double.IsNaN(bound) && !(bound >= 0 && double.IsFinite(bound)))
                yield return $"{name} = {bound.ToString(CultureInfo.InvariantCulture)} is negative or infinite; expected a count or ratio of 0 or more";
    }

    protected override IEnumerable<string> Layers(LibCheckAttribute attribute) => attribute.Layers ?? [];

    protected override IEnumerable<CheckResult> Evaluate(LibCheckAttribute attribute, CheckDeclaration declaration, CheckContext context)
    {
        var options = new LibOptions();
        string key = $"{Family}(layers={string.Join(",", attribute.Layers)},tau={options.Tau.ToString("G", CultureInfo.InvariantCulture)})";
        LibResult result;
        try
        {
            result = context.Measure(key, () => LocalInteractionBasis.Measure(context.Stream, attribute.Layers, options, context.Progress).Result);
        }
        catch (AuditInputException e) when (e.Declaration is null)
        {
            throw new AuditInputException(e.Code, e.Message, e.File, e, declaration);
        }

        foreach (LibLayerResult layer in result.Layers)
        {
            string scope = $"layer={layer.Layer}";
            if (!double.IsNaN(attribute.MaxLibFeatures))
                yield return CheckResult.Judge(Family, "libFeatures", scope, layer.LibFeatures, null,
                    new Threshold(BoundKind.Max, attribute.MaxLibFeatures), attribute.Severity, DiagnosticCodes.LibFeaturesAboveMaximum, declaration);
            if (!double.IsNaN(attribute.MaxFeatures99))
                yield return CheckResult.Judge(Family, "libFeatures99", scope, layer.LibFeatures99, null,
                    new Threshold(BoundKind.Max, attribute.MaxFeatures99), attribute.Severity, DiagnosticCodes.LibFeatures99AboveMaximum, declaration);
        }
        foreach (LibInteractionResult pair in result.Interactions)
        {
            string scope = $"layers={pair.FromLayer},{pair.ToLayer}";
            if (!double.IsNaN(attribute.MaxEdges90))
                yield return CheckResult.Judge(Family, "edges90", scope, pair.LibEdges90, null,
                    new Threshold(BoundKind.Max, attribute.MaxEdges90), attribute.Severity, DiagnosticCodes.LibEdges90AboveMaximum, declaration);
            if (!double.IsNaN(attribute.MinSparsityGain))
                yield return CheckResult.Judge(Family, "sparsityGain", scope, pair.SparsityGain, null,
                    new Threshold(BoundKind.Min, attribute.MinSparsityGain), attribute.Severity, DiagnosticCodes.LibSparsityGainBelowMinimum, declaration);
        }
    }
}
