namespace InterpAudit;

/// <summary>
/// Base of every check attribute. A check family is one attribute type here plus one check class in
/// InterpAudit.Core that derives from <c>Check&lt;TAttribute&gt;</c>; nothing else needs registering.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public abstract class AuditCheckAttribute : Attribute
{
    /// <summary>How a failure is reported (default <see cref="CheckSeverity.Error"/>).</summary>
    public CheckSeverity Severity { get; set; } = CheckSeverity.Error;

    /// <summary>
    /// How far (in the metric's own units) a value may move in its bad direction from the committed
    /// baseline without counting as a regression, however small the noise band (default NaN: the
    /// check family's default tolerance for the metric, listed in docs/diagnostics.md).
    /// </summary>
    [ValidRange(0)]
    public double RegressionTolerance { get; set; } = double.NaN;
}
