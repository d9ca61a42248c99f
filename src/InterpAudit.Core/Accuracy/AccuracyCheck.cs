using InterpAudit.Checks;
using InterpAudit.Diagnostics;
using InterpAudit.Results;

namespace InterpAudit.Accuracy;

/// <summary>Judges <see cref="AccuracyCheckAttribute"/>: per-class and overall accuracy against their minimums.</summary>
public sealed class AccuracyCheck : Check<AccuracyCheckAttribute, ClassAccuracyResult>
{
    /// <summary>Per-class accuracy is measured once per audit, whatever the declarations.</summary>
    public static MeasurementId Measurement { get; } = MeasurementId.Of("accuracy");

    protected override IEnumerable<string> ValidateAgainst(AccuracyCheckAttribute attribute, CheckContext context)
    {
        foreach (string problem in KnownClass(nameof(attribute.Class), attribute.Class, context)) yield return problem;
        if (attribute.Class is not null && double.IsNaN(attribute.Min))
            yield return "Class is set but Min is not";
    }

    /// <summary>One forward pass over the evaluation set.</summary>
    protected override IEnumerable<PlannedMeasurement> Plan(AccuracyCheckAttribute attribute, CheckContext context) =>
        [new(Measurement, 1)];

    protected override ClassAccuracyResult Measure(AccuracyCheckAttribute attribute, CheckContext context, CheckDeclaration declaration) =>
        context.Measure(Measurement, () => ClassAccuracy.Measure(context.Stream, context.ClassNames));

    protected override IEnumerable<MetricValue> Values(AccuracyCheckAttribute attribute, ClassAccuracyResult accuracy, DeclaredBound bound)
    {
        if (bound.Name == nameof(AccuracyCheckAttribute.MinOverall))
        {
            yield return new MetricValue("overall", accuracy.Overall, accuracy.OverallInterval, accuracy.OutcomesOf(null));
            yield break;
        }
        for (int c = 0; c < accuracy.ClassNames.Count; c++)
            if (attribute.Class is null || attribute.Class == accuracy.ClassNames[c])
                yield return new MetricValue(MetricScope.Of(("class", accuracy.ClassNames[c])), accuracy.Accuracy[c], accuracy.Intervals[c], accuracy.OutcomesOf(c));
    }
}
