using System.Globalization;
using InterpAudit.Checks;
using InterpAudit.Diagnostics;
using InterpAudit.Results;

namespace InterpAudit.Information;

/// <summary>
/// Judges <see cref="InformationCheckAttribute"/>: a layer's information about the label
/// (<c>labelBits</c>) and the fraction of its units that are individually informative
/// (<c>significantUnitFraction</c>) against their minimums.
/// </summary>
public sealed class InformationCheck : Check<InformationCheckAttribute, LayerInformationResult>
{
    /// <summary>The smallest permutation count at which p = 1/(1 + n) can reach α = 0.05.</summary>
    private const int MinPermutationsForSignificance = 19;

    protected override IEnumerable<string> ValidateAgainst(InformationCheckAttribute attribute, CheckContext context)
    {
        if (string.IsNullOrWhiteSpace(attribute.Layer))
            yield return "the layer name is empty";
        // MinLabelBits has no declared upper limit: the estimate is at most H(Y) (GaussianMixtureInformation),
        // but H(Y) is a property of the evaluation data, known only once they are read. A bound above
        // log₂(classes), the largest H(Y) can be, would never pass, so it is rejected here.
        if (!double.IsNaN(attribute.MinLabelBits) && context.ClassNames.Count > 0 && attribute.MinLabelBits > Math.Log2(context.ClassNames.Count))
            yield return $"MinLabelBits = {attribute.MinLabelBits.ToString(CultureInfo.InvariantCulture)} exceeds log2({context.ClassNames.Count}) = {Math.Log2(context.ClassNames.Count).ToString("0.###", CultureInfo.InvariantCulture)} bits, the most the label of {context.ClassNames.Count} classes can hold; the estimate never exceeds the label's entropy";
        if (!double.IsNaN(attribute.MinSignificantUnitFraction) && attribute.Permutations is >= 1 and < MinPermutationsForSignificance)
            yield return $"Permutations = {attribute.Permutations} cannot make any unit significant (the smallest p-value is 1/(1 + {attribute.Permutations}) > 0.05); expected at least {MinPermutationsForSignificance}";
    }

    protected override IEnumerable<string> Layers(InformationCheckAttribute attribute) => [attribute.Layer];

    /// <summary><c>information:fc1</c>, with the components and permutations when they are not the defaults.</summary>
    public static MeasurementId MeasurementOf(InformationCheckAttribute attribute) =>
        MeasurementId.Of("information", layers: [attribute.Layer], options:
            [("components", MetricScope.UnlessDefault(attribute.Components, InformationCheckAttribute.DefaultComponents)),
             ("permutations", MetricScope.UnlessDefault(attribute.Permutations, InformationCheckAttribute.DefaultPermutations))]);

    /// <summary>One pass to collect the layer, then the bootstrap and the permutation test on the collected rows: about a pass per ten permutations (the sample: 25–150 passes).</summary>
    protected override IEnumerable<PlannedMeasurement> Plan(InformationCheckAttribute attribute, CheckContext context) =>
        [new(MeasurementOf(attribute), 10 + attribute.Permutations / 10.0)];

    protected override LayerInformationResult Measure(InformationCheckAttribute attribute, CheckContext context, CheckDeclaration declaration)
    {
        var options = new InformationOptions { Components = attribute.Components, Permutations = attribute.Permutations, Seed = context.Seed };
        return AtDeclaration(declaration, () => context.Measure(MeasurementOf(attribute), () =>
        {
            CollectedActivations collected = ActivationCollector.Collect(context.Stream, [attribute.Layer]);
            return LayerInformation.Measure(attribute.Layer, collected.Units[attribute.Layer], collected.Labels, context.ClassNames, options);
        }));
    }

    protected override IEnumerable<MetricValue> Values(InformationCheckAttribute attribute, LayerInformationResult measured, DeclaredBound bound)
    {
        string scope = MetricScope.Of(("layer", attribute.Layer));
        yield return bound.Name switch
        {
            nameof(InformationCheckAttribute.MinLabelBits) => new MetricValue(scope, measured.LabelBits, measured.LabelBitsInterval),
            nameof(InformationCheckAttribute.MinSignificantUnitFraction) => new MetricValue(scope, measured.SignificantUnitFraction),
            _ => throw new InvalidOperationException($"InformationCheck does not measure {bound.Name}"),
        };
    }
}
