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
}
