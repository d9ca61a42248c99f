using InterpAudit.Capture;
using InterpAudit.Checks;
using InterpAudit.Diagnostics;
using InterpAudit.Results;
using TorchSharp;
using static TorchSharp.torch;

namespace InterpAudit.Modularity;

/// <summary>
/// Judges <see cref="ModularityCheckAttribute"/>: co-clusters the layer's weights (spec
/// modularity.md §1) and bounds clusterability C, its normalised form C̃ against the shuffle null,
/// and enmeshment E = 1 − C (§2). The measurement is shared by every check of the same layer, k,
/// restarts and shuffles, and lands in metrics.json under its key.
/// </summary>
public sealed class ModularityCheck : Check<ModularityCheckAttribute, LayerModularityResult>
{
    protected override IEnumerable<string> ValidateAgainst(ModularityCheckAttribute attribute, CheckContext context)
    {
        if (string.IsNullOrWhiteSpace(attribute.Layer))
            yield return "the layer name is empty";
        // An unknown layer is reported by the engine as IA3006 (see Layers); here only what the
        // layer must be for co-clustering.
        if (ModelLayers.Find(context.Stream.Model, attribute.Layer) is not { } layer) yield break;
        if (LayerWeight.Unsupported(layer) is { } why)
        {
            yield return $"layer '{attribute.Layer}' cannot be co-clustered: {why}";
            yield break;
        }
        long[] shape = LayerWeight.OutputsByInputs(layer).shape;
        long smaller = Math.Min(shape[0], shape[1]);
        if (attribute.Clusters > smaller)
            yield return $"Clusters = {attribute.Clusters} exceeds the {shape[0]} output × {shape[1]} input units of '{attribute.Layer}' (at most {smaller})";
    }

    protected override IEnumerable<string> Layers(ModularityCheckAttribute attribute) => [attribute.Layer];

    /// <summary>
    /// <c>modularity:fc2:k=4</c>, with the restarts and shuffles when they are not the defaults: every
    /// setting that changes the measurement is in the identity, so checks share only identical measurements.
    /// </summary>
    public static MeasurementId MeasurementOf(string layer, int clusters, int restarts, int shuffles)
    {
        bool defaults = restarts == ModularityCheckAttribute.DefaultRestarts && shuffles == ModularityCheckAttribute.DefaultShuffles;
        return MeasurementId.Of("modularity", layers: [layer], options:
            [("k", clusters), ("restarts", defaults ? null : restarts), ("shuffles", defaults ? null : shuffles)]);
    }

    /// <summary>The layer's co-clustering and clusterability, measured once per identity (shared with <see cref="Ablation.AblationCheck"/>).</summary>
    public static LayerModularityResult MeasureLayer(CheckContext context, string layer, int clusters, int restarts, int shuffles) =>
        context.Measure(MeasurementOf(layer, clusters, restarts, shuffles), () => LayerModularity.Measure(
            LayerWeight.OutputsByInputs(ModelLayers.Find(context.Stream.Model, layer)!),
            new ModularityOptions(clusters, restarts, shuffles, context.Seed), layer));

    /// <summary>
    /// The weights only, no data: k-means restarts on the layer's embedding, again for every shuffle.
    /// About a pass per 25 restarts of the real and shuffled weights (the sample: 5 passes).
    /// </summary>
    public static PlannedMeasurement PlanOf(string layer, int clusters, int restarts, int shuffles) =>
        new(MeasurementOf(layer, clusters, restarts, shuffles), 0.5 + restarts * (1 + shuffles) / 25.0) { Prerequisite = true };

    protected override IEnumerable<PlannedMeasurement> Plan(ModularityCheckAttribute attribute, CheckContext context) =>
        [PlanOf(attribute.Layer, attribute.Clusters, attribute.Restarts, attribute.Shuffles)];

    protected override LayerModularityResult Measure(ModularityCheckAttribute attribute, CheckContext context, CheckDeclaration declaration) =>
        MeasureLayer(context, attribute.Layer, attribute.Clusters, attribute.Restarts, attribute.Shuffles);

    protected override IEnumerable<MetricValue> Values(ModularityCheckAttribute attribute, LayerModularityResult measured, DeclaredBound bound)
    {
        string scope = MetricScope.Of(("layer", attribute.Layer), ("k", MetricScope.UnlessDefault(attribute.Clusters, ModularityCheckAttribute.DefaultClusters)));
        yield return bound.Name switch
        {
            nameof(ModularityCheckAttribute.MinClusterability) => new MetricValue(scope, measured.Clusterability),
            nameof(ModularityCheckAttribute.MinNormalizedClusterability) => new MetricValue(scope, measured.NormalizedClusterability, measured.NormalizedClusterabilityInterval),
            nameof(ModularityCheckAttribute.MaxEnmeshment) => new MetricValue(scope, measured.Enmeshment),
            _ => throw new InvalidOperationException($"ModularityCheck does not measure {bound.Name}"),
        };
    }
}
