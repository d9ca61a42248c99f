using System.Globalization;
using InterpAudit.Checks;
using InterpAudit.Diagnostics;
using InterpAudit.Results;

namespace InterpAudit.Information;

/// <summary>
/// Judges <see cref="RedundancyCheckAttribute"/>: the co-information of two layers about the label
/// (<c>coInformation</c>) against its bounds. The message says whether the value means net redundancy
/// or net synergy.
/// </summary>
public sealed class RedundancyCheck : Check<RedundancyCheckAttribute, LayerRedundancyResult>
{
    protected override IEnumerable<string> ValidateAgainst(RedundancyCheckAttribute attribute, CheckContext context)
    {
        if (string.IsNullOrWhiteSpace(attribute.LayerA) || string.IsNullOrWhiteSpace(attribute.LayerB))
            yield return "a layer name is empty";
        else if (attribute.LayerA == attribute.LayerB)
            yield return $"both layers are '{attribute.LayerA}': expected two different layers";
    }

    protected override IEnumerable<string> Layers(RedundancyCheckAttribute attribute) => [attribute.LayerA, attribute.LayerB];

    /// <summary><c>redundancy:fc1,fc2</c>, with the components when they are not the default.</summary>
    public static MeasurementId MeasurementOf(RedundancyCheckAttribute attribute) =>
        MeasurementId.Of("redundancy", layers: [attribute.LayerA, attribute.LayerB], options:
            ("components", MetricScope.UnlessDefault(attribute.Components, InformationCheckAttribute.DefaultComponents)));

    /// <summary>One pass to collect both layers, then three information estimates with their bootstraps (the sample: about 150 passes).</summary>
    protected override IEnumerable<PlannedMeasurement> Plan(RedundancyCheckAttribute attribute, CheckContext context) =>
        [new(MeasurementOf(attribute), 150)];

    protected override LayerRedundancyResult Measure(RedundancyCheckAttribute attribute, CheckContext context, CheckDeclaration declaration)
    {
        var options = new InformationOptions { Components = attribute.Components, Seed = context.Seed };
        return AtDeclaration(declaration, () => context.Measure(MeasurementOf(attribute), () =>
        {
            CollectedActivations collected = ActivationCollector.Collect(context.Stream, [attribute.LayerA, attribute.LayerB]);
            return LayerRedundancy.Measure(attribute.LayerA, collected.Units[attribute.LayerA], attribute.LayerB,
                collected.Units[attribute.LayerB], collected.Labels, context.ClassNames, options);
        }));
    }

    protected override IEnumerable<MetricValue> Values(RedundancyCheckAttribute attribute, LayerRedundancyResult measured, DeclaredBound bound)
    {
        yield return new MetricValue(MetricScope.Of(("layers", $"{attribute.LayerA},{attribute.LayerB}")),
            measured.Decomposition.CoInformation, measured.CoInformationInterval);
    }

    /// <summary>The message says whether the value means net redundancy or net synergy.</summary>
    protected override CheckResult Annotate(CheckResult judged, LayerRedundancyResult measured) => judged with
    {
        Message = judged.Message + (measured.Decomposition.CoInformationSign == InformationDecomposition.Neither
            ? " (neither net redundancy nor net synergy)"
            : $" (net {measured.Decomposition.CoInformationSign})"),
    };
}
