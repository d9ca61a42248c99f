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
/// restarts (<see cref="ModularityCheck.MeasurementKey"/> with the default shuffles): a
/// <c>[ModularityCheck]</c> with those settings and this check share one co-clustering, and the report's
/// block picture shows the very clusters that were ablated. The ablation itself is measured once per
/// layer, k, restarts and random sets, for both kinds; the attribute's kind picks what is judged.
/// </summary>
public sealed class AblationCheck : Check<AblationCheckAttribute>
{
    public const string Family = "ablation";

    /// <summary>0.02 of specialisation (a share in [1/classes, 1]) or of an accuracy drop.</summary>
    public override RegressionTolerance DefaultTolerance(string metric) => new(0.02);

    protected override IEnumerable<string> Validate(AblationCheckAttribute attribute, CheckContext context)
    {
        if (string.IsNullOrWhiteSpace(attribute.Layer))
            yield return "the layer name is empty";
        if (double.IsNaN(attribute.MinSpecialization) && double.IsNaN(attribute.MaxCollateralDrop))
            yield return "neither MinSpecialization nor MaxCollateralDrop is set";
        foreach (string problem in FractionInRange(nameof(attribute.MinSpecialization), attribute.MinSpecialization)) yield return problem;
        foreach (string problem in FractionInRange(nameof(attribute.MaxCollateralDrop), attribute.MaxCollateralDrop)) yield return problem;
        if (!Enum.IsDefined(attribute.Ablation))
            yield return $"Ablation = {(int)attribute.Ablation} is not {nameof(AblationKind.Zero)} or {nameof(AblationKind.Mean)}";
        if (attribute.Clusters < 2)
            yield return $"Clusters = {attribute.Clusters} is below 2";
        if (attribute.Restarts < 1)
            yield return $"Restarts = {attribute.Restarts} is below 1";
        if (attribute.RandomSets < AblationOptions.MinimumRandomSets)
            yield return $"RandomSets = {attribute.RandomSets} is below {AblationOptions.MinimumRandomSets} (a rank p = (r+1)/(n+1) needs at least {AblationOptions.MinimumRandomSets} random sets)";

        // An unknown layer is reported by the engine as IA3006 (see Layers).
        if (FindLayer(context, attribute.Layer) is not { } layer) yield break;
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

    protected override IEnumerable<CheckResult> Evaluate(AblationCheckAttribute attribute, CheckDeclaration declaration, CheckContext context)
    {
        nn.Module layer = FindLayer(context, attribute.Layer)!;
        var modularityAttribute = new ModularityCheckAttribute(attribute.Layer) { Clusters = attribute.Clusters, Restarts = attribute.Restarts };
        string clusterSource = ModularityCheck.MeasurementKey(modularityAttribute);
        LayerModularityResult modularity = context.Measure(clusterSource, () => LayerModularity.Measure(LayerWeight.OutputsByInputs(layer),
            new ModularityOptions(attribute.Clusters, attribute.Restarts, modularityAttribute.Shuffles, context.Seed), attribute.Layer));
        IReadOnlyList<int>[] clusters = Enumerable.Range(0, attribute.Clusters)
            .Select(c => (IReadOnlyList<int>)Enumerable.Range(0, modularity.Outputs).Where(u => modularity.OutputClusters[u] == c).ToArray())
            .ToArray();

        ClusterAblationResult ablation = context.Measure(MeasurementKey(attribute), () => ClusterAblation.Measure(context.Stream, attribute.Layer,
            clusters, context.ClassNames, new AblationOptions(attribute.RandomSets, context.Seed), clusterSource));
        AblationKindResult judged = ablation.For(attribute.Ablation);

        string scope = $"layer={attribute.Layer},ablation={attribute.Ablation.ToString().ToLowerInvariant()}"
            + (attribute.Clusters == 4 ? "" : $",k={attribute.Clusters}");
        if (!double.IsNaN(attribute.MinSpecialization))
            yield return CheckResult.Judge(Family, "specialization", scope, judged.MeanSpecialization, null,
                new Threshold(BoundKind.Min, attribute.MinSpecialization), attribute.Severity, DiagnosticCodes.SpecializationBelowMinimum, declaration);
        if (!double.IsNaN(attribute.MaxCollateralDrop))
            yield return CheckResult.Judge(Family, "collateralDrop", scope, judged.MaxCollateralDrop, null,
                new Threshold(BoundKind.Max, attribute.MaxCollateralDrop), attribute.Severity, DiagnosticCodes.CollateralDropAboveMaximum, declaration);
    }

    /// <summary><c>ablation:fc2:k=4</c>, with restarts and random sets when not the defaults; the kind is not in it (both are measured).</summary>
    public static string MeasurementKey(AblationCheckAttribute attribute) =>
        $"{Family}:{attribute.Layer}:k={attribute.Clusters}"
        + (attribute.Restarts == 10 && attribute.RandomSets == 20 ? "" : $":restarts={attribute.Restarts}:randomSets={attribute.RandomSets}");

    private static nn.Module? FindLayer(CheckContext context, string name) =>
        context.Stream.Model.named_modules().FirstOrDefault(m => m.name == name && name.Length > 0).module;
}
