using InterpAudit.Checks;
using InterpAudit.Diagnostics;
using InterpAudit.Results;

namespace InterpAudit.Accuracy;

/// <summary>Judges <see cref="AccuracyCheckAttribute"/>: per-class and overall accuracy against their minimums.</summary>
public sealed class AccuracyCheck : Check<AccuracyCheckAttribute>
{
    public const string Family = "accuracy";

    /// <summary>Half a point of accuracy: below it a move is not worth a red build, whatever its p-value.</summary>
    public override RegressionTolerance DefaultTolerance(string metric) => new(0.005);

    protected override IEnumerable<string> Validate(AccuracyCheckAttribute attribute, CheckContext context)
    {
        if (double.IsNaN(attribute.Min) && double.IsNaN(attribute.MinOverall))
            yield return "neither Min nor MinOverall is set";
        foreach (string problem in FractionInRange(nameof(attribute.Min), attribute.Min)) yield return problem;
        foreach (string problem in FractionInRange(nameof(attribute.MinOverall), attribute.MinOverall)) yield return problem;
        if (attribute.Class is { } name && !context.ClassNames.Contains(name))
            yield return $"Class = \"{name}\" is not a class name (expected one of {string.Join(", ", context.ClassNames.Select(n => $"\"{n}\""))})";
        if (attribute.Class is not null && double.IsNaN(attribute.Min))
            yield return "Class is set but Min is not";
    }

    protected override IEnumerable<CheckResult> Evaluate(AccuracyCheckAttribute attribute, CheckDeclaration declaration, CheckContext context)
    {
        ClassAccuracyResult accuracy = context.Measure(Family, () => ClassAccuracy.Measure(context.Stream, context.ClassNames));
        if (!double.IsNaN(attribute.Min))
        {
            var threshold = new Threshold(BoundKind.Min, attribute.Min);
            for (int c = 0; c < accuracy.ClassNames.Count; c++)
            {
                if (attribute.Class is not null && attribute.Class != accuracy.ClassNames[c]) continue;
                yield return CheckResult.Judge(Family, "accuracy", $"class={accuracy.ClassNames[c]}", accuracy.Accuracy[c],
                    accuracy.Intervals[c], threshold, attribute.Severity, DiagnosticCodes.AccuracyBelowMinimum, declaration)
                    with { Outcomes = accuracy.OutcomesOf(c) };
            }
        }
        if (!double.IsNaN(attribute.MinOverall))
            yield return CheckResult.Judge(Family, "accuracy", "overall", accuracy.Overall, accuracy.OverallInterval,
                new Threshold(BoundKind.Min, attribute.MinOverall), attribute.Severity, DiagnosticCodes.AccuracyBelowMinimum, declaration)
                with { Outcomes = accuracy.OutcomesOf(null) };
    }
}
