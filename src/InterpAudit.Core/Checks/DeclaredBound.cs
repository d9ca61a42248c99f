using System.Reflection;
using InterpAudit.Results;

namespace InterpAudit.Checks;

/// <summary>One bound property of a check attribute with its <see cref="BoundAttribute"/> metadata.</summary>
public sealed class DeclaredBound(PropertyInfo property, BoundAttribute bound)
{
    /// <summary>The property's name, as the user writes it (<c>MinOverall</c>).</summary>
    public string Name => property.Name;

    public string Metric => bound.Metric;

    public BoundKind Kind => bound.Kind;

    public string Code => bound.Code;

    public double Lower => bound.Lower;

    public double Upper => bound.Upper;

    /// <summary>The family's default regression tolerance for the metric.</summary>
    public RegressionTolerance Tolerance => new(bound.Tolerance, bound.RelativeTolerance);

    /// <summary>The declared bound, NaN when it is not set.</summary>
    public double ValueOf(AuditCheckAttribute attribute) => Convert.ToDouble(property.GetValue(attribute), System.Globalization.CultureInfo.InvariantCulture);
}
