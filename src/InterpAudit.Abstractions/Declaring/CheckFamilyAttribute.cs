namespace InterpAudit;

/// <summary>
/// Names the check family an attribute declares (<c>accuracy</c>, <c>modularity</c>, …): the first
/// part of every metric and measurement identity the family produces, in results, baselines and reports.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class CheckFamilyAttribute(string name) : Attribute
{
    /// <summary>The family's name, lower camel case.</summary>
    public string Name { get; } = name;
}
