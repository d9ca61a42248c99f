using System.Globalization;

namespace InterpAudit.Results;

/// <summary>The declared bound a metric must respect.</summary>
public sealed record Threshold(BoundKind Kind, double Value)
{
    /// <summary>False for NaN: a metric that could not be computed never passes.</summary>
    public bool Admits(double value) =>
        !double.IsNaN(value) && (Kind == BoundKind.Min ? value >= Value : value <= Value);

    /// <summary>The comparison that failed, e.g. <c>&lt; min</c>.</summary>
    public string ViolationText => Kind == BoundKind.Min ? "< min" : "> max";

    public override string ToString() =>
        (Kind == BoundKind.Min ? "min " : "max ") + Value.ToString("0.00##", CultureInfo.InvariantCulture);
}
