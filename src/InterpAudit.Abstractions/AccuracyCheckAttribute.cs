namespace InterpAudit;

/// <summary>
/// Accuracy on the evaluation set, per class. Without <see cref="Class"/> the bound applies to every
/// class separately (one failure per class below it); with it, to that class only.
/// <see cref="MinOverall"/> bounds the accuracy over all samples.
/// </summary>
/// <example><c>[AccuracyCheck(Min = 0.9)]</c>, <c>[AccuracyCheck(Class = "7", Min = 0.95)]</c></example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
[CheckFamily("accuracy")]
public sealed class AccuracyCheckAttribute : AuditCheckAttribute
{
    /// <summary>Lowest accepted per-class accuracy, in [0, 1].</summary>
    [Bound("accuracy", BoundKind.Min, "IA1001", Lower = 0, Upper = 1, Tolerance = 0.005)]
    public double Min { get; set; } = double.NaN;

    /// <summary>Lowest accepted accuracy over all samples, in [0, 1].</summary>
    [Bound("accuracy", BoundKind.Min, "IA1001", Lower = 0, Upper = 1, Tolerance = 0.005)]
    public double MinOverall { get; set; } = double.NaN;

    /// <summary>A class name from <see cref="IAuditTarget.ClassNames"/>; null means every class.</summary>
    public string? Class { get; set; }
}
