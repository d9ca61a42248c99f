using InterpAudit.Capture;
using InterpAudit.Checks;
using InterpAudit.Diagnostics;
using InterpAudit.Modularity;
using InterpAudit.Results;
using TorchSharp;
using static TorchSharp.torch;

namespace InterpAudit.Ablation;

/// <summary>
/// Judges <see cref="AblationCheckAttribute"/> (spec modularity.md §5). The clusters are the output
/// units of the layer's co-clusters, taken from the modularity measurement of the same layer, k and
/// restarts (<see cref="ModularityCheck.MeasurementOf"/> with the default shuffles): a
/// <c>[ModularityCheck]</c> with those settings and this check share one co-clustering, and the report's
/// block picture shows the very clusters that were ablated. The ablation itself is measured once per
/// layer, k, restarts and random sets, for both kinds; the attribute's kind picks what is judged.
/// </summary>
public sealed class AblationCheck : Check<AblationCheckAttribute, ClusterAblationResult>
{
    protected override IEnumerable<string> ValidateAgainst(AblationCheckAttribute attribute, CheckContext context)
    {
        if (string.IsNullOrWhiteSpace(attribute.Layer))
            yield return "the layer name is empty";
        // An unknown layer is reported by the engine as IA3006 (see Layers).
        if (ModelLayers.Find(context.Stream.Model, attribute.Layer) is not { } layer) yield break;
        if (LayerWeight.Unsupported(layer) is { } why)
        {
            yield return $"layer '{attribute.Layer}' cannot be co-clustered and ablated: {why}";
            yield break;
        }
        long[] shape = LayerWeight.OutputsByInputs(layer).shape;
        if (attribute.Clusters > shape[0])
            yield return $"Clusters = {attribute.Clusters} exceeds the {shape[0]} output units of '{attribute.Layer}' (each cluster needs units to ablate)";
        else if (attribute.Clusters > shape[1])
            yield return $"Clusters = {attribute.Clusters} exceeds the {shape[1]} input units of '{attribute.Layer}' (at most {shape[1]})";
    }

    protected override IEnumerable<string> Layers(AblationCheckAttribute attribute) => [attribute.Layer];

    /// <summary><c>ablation:fc2:k=4</c>, with restarts and random sets when not the defaults; the kind is not in it (both are measured).</summary>
    public static MeasurementId MeasurementOf(AblationCheckAttribute attribute)
    {
        bool defaults = attribute.Restarts == ModularityCheckAttribute.DefaultRestarts && attribute.RandomSets == AblationCheckAttribute.DefaultRandomSets;
        return MeasurementId.Of("ablation", layers: [attribute.Layer], options:
            [("k", attribute.Clusters), ("restarts", defaults ? null : attribute.Restarts), ("randomSets", defaults ? null : attribute.RandomSets)]);
    }

    /// <summary>
    /// The co-clustering it ablates, then two passes (unit means; every variant) in which the
    /// 2·k·(1 + random sets) variants share the forward passes: about a twentieth of a pass each
    /// (the sample: 11 passes). Each cluster's variants are counted on their own (<see cref="ClusterAblation"/>),
    /// so the measurement splits by cluster; every part repeats the co-clustering, the means pass and a
    /// clean variant, so a sharded audit splits it only where the variants outweigh those.
    /// </summary>
    protected override IEnumerable<PlannedMeasurement> Plan(AblationCheckAttribute attribute, CheckContext context)
    {
        double perCluster = (1 + 2.0 * (1 + attribute.RandomSets)) / 20;
        yield return ModularityCheck.PlanOf(attribute.Layer, attribute.Clusters, attribute.Restarts, ModularityCheckAttribute.DefaultShuffles);
        yield return new PlannedMeasurement(MeasurementOf(attribute), 2 + attribute.Clusters * perCluster)
        {
            Parts = new PlannedParts(PlannedParts.Clusters, Enumerable.Repeat(perCluster, attribute.Clusters).ToArray(), PerPart: 2),
        };
    }

    protected override ClusterAblationResult Measure(AblationCheckAttribute attribute, CheckContext context, CheckDeclaration declaration)
    {
        // The modularity check's own measurement (default shuffles): a [ModularityCheck] with the same
        // layer, k and restarts shares this co-clustering, so the report pictures the ablated clusters.
        int shuffles = ModularityCheckAttribute.DefaultShuffles;
        LayerModularityResult modularity = ModularityCheck.MeasureLayer(context, attribute.Layer, attribute.Clusters, attribute.Restarts, shuffles);
        string clusterSource = ModularityCheck.MeasurementOf(attribute.Layer, attribute.Clusters, attribute.Restarts, shuffles).Key;
        IReadOnlyList<int>[] clusters = Enumerable.Range(0, attribute.Clusters)
            .Select(c => (IReadOnlyList<int>)Enumerable.Range(0, modularity.Outputs).Where(u => modularity.OutputClusters[u] == c).ToArray())
            .ToArray();
        return context.Measure(MeasurementOf(attribute), () => ClusterAblation.Measure(context.Stream, attribute.Layer,
            clusters, context.ClassNames, new AblationOptions(attribute.RandomSets, context.Seed), clusterSource, context.PartOf(MeasurementOf(attribute))));
    }

    protected override IEnumerable<MetricValue> Values(AblationCheckAttribute attribute, ClusterAblationResult measured, DeclaredBound bound)
    {
        AblationKindResult judged = measured.For(attribute.Ablation);
        string scope = MetricScope.Of(("layer", attribute.Layer), ("ablation", attribute.Ablation.ToString().ToLowerInvariant()),
            ("k", MetricScope.UnlessDefault(attribute.Clusters, ModularityCheckAttribute.DefaultClusters)));
        yield return bound.Name switch
        {
            nameof(AblationCheckAttribute.MinSpecialization) => new MetricValue(scope, judged.MeanSpecialization),
            nameof(AblationCheckAttribute.MaxCollateralDrop) => new MetricValue(scope, judged.MaxCollateralDrop),
            _ => throw new InvalidOperationException($"AblationCheck does not measure {bound.Name}"),
        };
    }
}
