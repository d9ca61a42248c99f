using InterpAudit.Checks;
using InterpAudit.Diagnostics;
using InterpAudit.Results;

namespace InterpAudit.Circuits;

/// <summary>
/// Judges <see cref="CircuitCheckAttribute"/>: Effective Circuit Size per class and its mean (spec
/// modularity.md §4) against their maximums. Exact and fast measurements are cached apart, so an
/// exact check and a Both check share the exact pass; Both also stores their agreement. The judged
/// value is the exact one unless only the fast mode runs, whose scopes then say <c>mode=fast</c> so a
/// baseline never compares one mode's figure with the other's.
/// </summary>
public sealed class CircuitCheck : Check<CircuitCheckAttribute, CircuitSizeResult>
{
    protected override IEnumerable<string> ValidateAgainst(CircuitCheckAttribute attribute, CheckContext context)
    {
        foreach (string problem in KnownClass(nameof(attribute.Class), attribute.Class, context)) yield return problem;
        if (attribute.Class is not null && double.IsNaN(attribute.MaxEcs))
            yield return "Class is set but MaxEcs is not (MaxMeanEcs is over every class)";
    }

    /// <summary><c>circuit:exact</c>, <c>circuit:fast</c>, <c>circuit:agreement</c>, with the sample cap when it is not the default.</summary>
    public static MeasurementId MeasurementOf(string variant, CircuitOptions options) =>
        MeasurementId.Of("circuit", variant, options: ("samples", MetricScope.UnlessDefault(options.MaxSamplesPerClass, CircuitCheckAttribute.DefaultMaxSamplesPerClass)));

    /// <summary>
    /// Per class: the exact mode tries every weight of the chain, each trial a loss on the class's
    /// samples along the weights that still reach the logits (about a four-thousandth of a pass per
    /// weight since #18, so it grows with the model: the sample's 55,050 weights and 10 classes, about
    /// 140 passes, read off its audit where exact ECS took 2.1 s and an information layer 0.6–2.8 s); the
    /// fast mode ranks the weights by attribution in two passes a class. The agreement compares the two,
    /// at no cost.
    /// </summary>
    protected override IEnumerable<PlannedMeasurement> Plan(CircuitCheckAttribute attribute, CheckContext context)
    {
        var options = new CircuitOptions(attribute.MaxSamplesPerClass);
        int classes = context.ClassNames.Count;
        if (attribute.Mode is EcsMode.Exact or EcsMode.Both)
            yield return ByClass(MeasurementOf(CircuitSize.Name(EcsMode.Exact), options), classes, classes * Parameters(context) / 4000.0);
        if (attribute.Mode is EcsMode.Fast or EcsMode.Both)
            yield return ByClass(MeasurementOf(CircuitSize.Name(EcsMode.Fast), options), classes, classes * 2.0);
        if (attribute.Mode == EcsMode.Both)
            yield return ByClass(MeasurementOf("agreement", options), classes, 0);
    }

    /// <summary>
    /// Each class's circuit is pruned from the trained model on its own (and its agreement compares that
    /// class's two circuits), so the measurements split by class. Every class is costed alike: each visits
    /// the same weights, on at most the same number of samples.
    /// </summary>
    private static PlannedMeasurement ByClass(MeasurementId id, int classes, double cost) =>
        new(id, cost) { Parts = PlannedParts.ByClass(classes, cost) };

    private static long Parameters(CheckContext context) => context.Stream.Model.parameters().Sum(p => p.numel());

    /// <summary>
    /// The judged sizes: exact unless only the fast mode runs. Exact and fast are cached apart, so an
    /// exact check and a Both check share the exact pass; Both also stores their agreement.
    /// </summary>
    protected override CircuitSizeResult Measure(CircuitCheckAttribute attribute, CheckContext context, CheckDeclaration declaration)
    {
        var options = new CircuitOptions(attribute.MaxSamplesPerClass);
        CircuitSizeResult? exact = attribute.Mode is EcsMode.Exact or EcsMode.Both ? Sizes(EcsMode.Exact, options, declaration, context) : null;
        CircuitSizeResult? fast = attribute.Mode is EcsMode.Fast or EcsMode.Both ? Sizes(EcsMode.Fast, options, declaration, context) : null;
        // In a shard that runs some classes only, both hold the same classes (one part covers all three measurements).
        if (exact is not null && fast is not null)
            context.Measure(MeasurementOf("agreement", options), () => CircuitAgreement.Between(exact, fast));
        return exact ?? fast!;
    }

    protected override IEnumerable<MetricValue> Values(CircuitCheckAttribute attribute, CircuitSizeResult judged, DeclaredBound bound)
    {
        bool fastOnly = attribute.Mode == EcsMode.Fast;
        if (bound.Name == nameof(CircuitCheckAttribute.MaxMeanEcs))
        {
            yield return new MetricValue(ScopeOf(null, fastOnly, attribute.MaxSamplesPerClass), judged.MeanEcs);
            yield break;
        }
        foreach (ClassCircuit circuit in judged.Classes)
            if (attribute.Class is null || attribute.Class == circuit.ClassName)
                yield return new MetricValue(ScopeOf(circuit.ClassName, fastOnly, attribute.MaxSamplesPerClass), circuit.Ecs);
    }

    /// <summary>
    /// The scope of a judged circuit size: the class (null for the mean), <c>mode=fast</c> when only the fast
    /// mode ran — so a baseline never compares one mode's figure with the other's — and the sample cap when
    /// it is not the default.
    /// </summary>
    public static string ScopeOf(string? className, bool fastOnly, int maxSamplesPerClass) => MetricScope.Of(
        ("class", className), ("mode", fastOnly ? "fast" : null),
        ("samples", MetricScope.UnlessDefault(maxSamplesPerClass, CircuitCheckAttribute.DefaultMaxSamplesPerClass)));

    private static CircuitSizeResult Sizes(EcsMode mode, CircuitOptions options, CheckDeclaration declaration, CheckContext context)
    {
        MeasurementId id = MeasurementOf(CircuitSize.Name(mode), options);
        return AtDeclaration(declaration, () => context.Measure(id,
            () => CircuitSize.Measure(context.Stream, context.ClassNames, mode, options, context.Progress, context.PartOf(id))));
    }
}
