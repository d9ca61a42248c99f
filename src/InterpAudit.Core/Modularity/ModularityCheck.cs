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
public sealed class ModularityCheck : Check<ModularityCheckAttribute>
{
    public const string Family = "modularity";

    /// <summary>0.01 of clusterability or enmeshment (shares of squared weight); 0.02 of the normalised C̃.</summary>
    public override RegressionTolerance DefaultTolerance(string metric) => metric == "normalizedClusterability" ? new(0.02) : new(0.01);

    protected override IEnumerable<string> Validate(ModularityCheckAttribute attribute, CheckContext context)
    {
        if (string.IsNullOrWhiteSpace(attribute.Layer))
            yield return "the layer name is empty";
        if (double.IsNaN(attribute.MinClusterability) && double.IsNaN(attribute.MinNormalizedClusterability) && double.IsNaN(attribute.MaxEnmeshment))
            yield return "none of MinClusterability, MinNormalizedClusterability and MaxEnmeshment is set";
        foreach (string problem in FractionInRange(nameof(attribute.MinClusterability), attribute.MinClusterability)) yield return problem;
        foreach (string problem in FractionInRange(nameof(attribute.MinNormalizedClusterability), attribute.MinNormalizedClusterability)) yield return problem;
        foreach (string problem in FractionInRange(nameof(attribute.MaxEnmeshment), attribute.MaxEnmeshment)) yield return problem;
        if (attribute.Clusters < 2)
            yield return $"Clusters = {attribute.Clusters} is below 2";
        if (attribute.Restarts < 1)
            yield return $"Restarts = {attribute.Restarts} is below 1";
        if (attribute.Shuffles < ModularityOptions.MinimumShuffles)
            yield return $"Shuffles = {attribute.Shuffles} is below {ModularityOptions.MinimumShuffles} (the null needs at least {ModularityOptions.MinimumShuffles} shuffles)";

        // An unknown layer is reported by the engine as IA3006 (see Layers); here only what the
        // layer must be for co-clustering.
        if (FindLayer(context, attribute.Layer) is not { } layer) yield break;
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

    protected override IEnumerable<CheckResult> Evaluate(ModularityCheckAttribute attribute, CheckDeclaration declaration, CheckContext context)
    {
        var options = new ModularityOptions(attribute.Clusters, attribute.Restarts, attribute.Shuffles, context.Seed);
        nn.Module layer = FindLayer(context, attribute.Layer)!;
        LayerModularityResult modularity = context.Measure(MeasurementKey(attribute),
            () => LayerModularity.Measure(LayerWeight.OutputsByInputs(layer), options, attribute.Layer));

        string scope = attribute.Clusters == 4 ? $"layer={attribute.Layer}" : $"layer={attribute.Layer},k={attribute.Clusters}";
        if (!double.IsNaN(attribute.MinClusterability))
            yield return CheckResult.Judge(Family, "clusterability", scope, modularity.Clusterability, null,
                new Threshold(BoundKind.Min, attribute.MinClusterability), attribute.Severity, DiagnosticCodes.ClusterabilityBelowMinimum, declaration);
        if (!double.IsNaN(attribute.MinNormalizedClusterability))
            yield return CheckResult.Judge(Family, "normalizedClusterability", scope, modularity.NormalizedClusterability,
                modularity.NormalizedClusterabilityInterval, new Threshold(BoundKind.Min, attribute.MinNormalizedClusterability),
                attribute.Severity, DiagnosticCodes.ClusterabilityBelowMinimum, declaration);
        if (!double.IsNaN(attribute.MaxEnmeshment))
            yield return CheckResult.Judge(Family, "enmeshment", scope, modularity.Enmeshment, null,
                new Threshold(BoundKind.Max, attribute.MaxEnmeshment), attribute.Severity, DiagnosticCodes.ClusterabilityBelowMinimum, declaration);
    }

    /// <summary>
    /// <c>modularity:fc2:k=4</c>, with the restarts and shuffles when they are not the defaults: every
    /// setting that changes the measurement is in the key, so checks share only identical measurements.
    /// </summary>
    public static string MeasurementKey(ModularityCheckAttribute attribute) =>
        $"{Family}:{attribute.Layer}:k={attribute.Clusters}"
        + (attribute.Restarts == Defaults.Restarts && attribute.Shuffles == Defaults.Shuffles ? "" : $":restarts={attribute.Restarts}:shuffles={attribute.Shuffles}");

    private static readonly ModularityOptions Defaults = new();

    private static nn.Module? FindLayer(CheckContext context, string name) =>
        context.Stream.Model.named_modules().FirstOrDefault(m => m.name == name && name.Length > 0).module;
}
