namespace InterpAudit;

/// <summary>
/// The values a setting of a check or audit attribute (a count, a rate) may take, declared once beside
/// the setting: the audit rejects others (IA3013) and the analyzers report them while the user types
/// (IA0001). Limits that depend on the model (a layer's width) are the family's to check at run time.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class ValidRangeAttribute : Attribute
{
    /// <param name="lower">The smallest accepted value (inclusive unless <see cref="LowerExclusive"/>).</param>
    /// <param name="upper">The largest accepted value, inclusive (default +∞).</param>
    public ValidRangeAttribute(double lower, double upper = double.PositiveInfinity)
    {
        Lower = lower;
        Upper = upper;
    }

    /// <summary>The smallest accepted value.</summary>
    public double Lower { get; }

    /// <summary>The largest accepted value.</summary>
    public double Upper { get; }

    /// <summary>True when <see cref="Lower"/> itself is not accepted, e.g. a rate in (0, 0.5].</summary>
    public bool LowerExclusive { get; set; }

    /// <summary>Why the limit is what it is, for the message, e.g. "a rank p = (r+1)/(n+1) needs at least 20 random sets".</summary>
    public string? Reason { get; set; }
}
