using InterpAudit.Results;

namespace InterpAudit.Checks;

/// <summary>
/// A check family: judges the metrics declared by one attribute type. Adding a family means one
/// attribute in InterpAudit.Abstractions and one subclass of this (plus its measurement); the
/// <see cref="CheckCatalog"/> finds it by reflection.
/// </summary>
public abstract class Check<TAttribute> : ICheck where TAttribute : AuditCheckAttribute
{
    public Type AttributeType => typeof(TAttribute);

    public IEnumerable<string> Validate(AuditCheckAttribute attribute, CheckContext context) => Validate((TAttribute)attribute, context);

    public IEnumerable<string> Layers(AuditCheckAttribute attribute) => Layers((TAttribute)attribute);

    public IEnumerable<CheckResult> Evaluate(AuditCheckAttribute attribute, CheckDeclaration declaration, CheckContext context) =>
        Evaluate((TAttribute)attribute, declaration, context);

    /// <summary>
    /// The smallest bad-direction move of <paramref name="metric"/> that can be a regression (the band's
    /// floor); documented per family in docs/diagnostics.md.
    /// </summary>
    public abstract RegressionTolerance DefaultTolerance(string metric);

    protected abstract IEnumerable<string> Validate(TAttribute attribute, CheckContext context);

    protected virtual IEnumerable<string> Layers(TAttribute attribute) => [];

    protected abstract IEnumerable<CheckResult> Evaluate(TAttribute attribute, CheckDeclaration declaration, CheckContext context);

    /// <summary>A validation problem when a fraction bound lies outside [0, 1].</summary>
    protected static IEnumerable<string> FractionInRange(string name, double bound)
    {
        if (!double.IsNaN(bound) && (bound < 0 || bound > 1))
            yield return $"{name} = {bound} is outside [0, 1]";
    }
}
