namespace InterpAudit;

/// <summary>
/// Marks an <see cref="IAuditTarget"/> class as an audit. After the project builds, InterpAudit runs
/// every check attribute on the class and fails the build on a violated check.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class InterpretabilityAuditAttribute : Attribute
{
    /// <summary>Declares an audit.</summary>
    /// <param name="name">The audit's name: letters, digits, '-', '_' and '.'; it names the output folder.</param>
    public InterpretabilityAuditAttribute(string name) => Name = name;

    /// <summary>The audit's name; outputs go to <c>$(OutDir)interpaudit/&lt;name&gt;/</c>.</summary>
    public string Name { get; }

    /// <summary>Seed for every random choice the measurements make (default 0).</summary>
    public int Seed { get; set; }

    /// <summary>Evaluation batch size (default 256).</summary>
    public int BatchSize { get; set; } = 256;
}
