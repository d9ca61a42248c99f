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
public sealed class CircuitCheck : Check<CircuitCheckAttribute>
{
    public const string Family = "circuit";

    /// <summary>
    /// 10 % of the baseline's circuit size, at least 0.002: the greedy pass is order-dependent and a
    /// retrain moves small circuits by several per cent (5–7 % under another processor's kernels).
    /// </summary>
    public override RegressionTolerance DefaultTolerance(string metric) => new(0.002, 0.10);

    protected override IEnumerable<string> Validate(CircuitCheckAttribute attribute, CheckContext context)
    {
        if (double.IsNaN(attribute.MaxMeanEcs) && double.IsNaN(attribute.MaxEcs))
            yield return "neither MaxMeanEcs nor MaxEcs is set";
        foreach (string problem in FractionInRange(nameof(attribute.MaxMeanEcs), attribute.MaxMeanEcs)) yield return problem;
        foreach (string problem in FractionInRange(nameof(attribute.MaxEcs), attribute.MaxEcs)) yield return problem;
        if (!Enum.IsDefined(attribute.Mode))
            yield return $"Mode = {(int)attribute.Mode} is not one of Exact, Fast, Both";
        if (attribute.MaxSamplesPerClass < 1)
            yield return $"MaxSamplesPerClass = {attribute.MaxSamplesPerClass} is below 1";
        if (attribute.Class is { } name && !context.ClassNames.Contains(name))
            yield return $"Class = \"{name}\" is not a class name (expected one of {string.Join(", ", context.ClassNames.Select(n => $"\"{n}\""))})";
        if (attribute.Class is not null && double.IsNaN(attribute.MaxEcs))
            yield return "Class is set but MaxEcs is not (MaxMeanEcs is over every class)";
    }

    protected override IEnumerable<CheckResult> Evaluate(CircuitCheckAttribute attribute, CheckDeclaration declaration, CheckContext context)
    {
        var options = new CircuitOptions(attribute.MaxSamplesPerClass);
        CircuitSizeResult? exact = attribute.Mode is EcsMode.Exact or EcsMode.Both ? Measure(EcsMode.Exact, options, declaration, context) : null;
        CircuitSizeResult? fast = attribute.Mode is EcsMode.Fast or EcsMode.Both ? Measure(EcsMode.Fast, options, declaration, context) : null;
        if (exact is not null && fast is not null)
            context.Measure(MeasurementKey("agreement", options), () => CircuitAgreement.Between(exact, fast));

        CircuitSizeResult judged = exact ?? fast!;
        string suffix = string.Join(",", new[]
        {
            exact is null ? "mode=fast" : null,
            options.MaxSamplesPerClass == Defaults.MaxSamplesPerClass ? null : $"samples={options.MaxSamplesPerClass}",
        }.OfType<string>());
        if (!double.IsNaN(attribute.MaxEcs))
        {
            var threshold = new Threshold(BoundKind.Max, attribute.MaxEcs);
            foreach (ClassCircuit circuit in judged.Classes)
            {
                if (attribute.Class is not null && attribute.Class != circuit.ClassName) continue;
                string scope = $"class={circuit.ClassName}" + (suffix.Length == 0 ? "" : "," + suffix);
                yield return CheckResult.Judge(Family, "ecs", scope, circuit.Ecs, null, threshold, attribute.Severity,
                    DiagnosticCodes.CircuitSizeAboveMaximum, declaration);
            }
        }
        if (!double.IsNaN(attribute.MaxMeanEcs))
            yield return CheckResult.Judge(Family, "meanEcs", suffix, judged.MeanEcs, null, new Threshold(BoundKind.Max, attribute.MaxMeanEcs),
                attribute.Severity, DiagnosticCodes.CircuitSizeAboveMaximum, declaration);
    }

    /// <summary><c>circuit:exact</c>, <c>circuit:fast</c>, <c>circuit:agreement</c>, with the sample cap when it is not the default.</summary>
    public static string MeasurementKey(string what, CircuitOptions options) =>
        $"{Family}:{what}" + (options.MaxSamplesPerClass == Defaults.MaxSamplesPerClass ? "" : $":samples={options.MaxSamplesPerClass}");

    private static readonly CircuitOptions Defaults = new();

    private static CircuitSizeResult Measure(EcsMode mode, CircuitOptions options, CheckDeclaration declaration, CheckContext context)
    {
        try
        {
            return context.Measure(MeasurementKey(CircuitSize.Name(mode), options),
                () => CircuitSize.Measure(context.Stream, context.ClassNames, mode, options, context.Progress));
        }
        catch (AuditInputException e) when (e.Declaration is null && e.Code == DiagnosticCodes.UnsupportedCircuitModel)
        {
            throw new AuditInputException(e.Code, e.Message, e.File, e, declaration);
        }
    }
}
