namespace InterpAudit;

/// <summary>
/// Declares a check attribute's property as a bound on one of its family's metrics: the metric, the
/// side, the finding code a violation reports, the values the bound itself may take, and the family's
/// default regression tolerance for the metric. This is the one place these facts live: the audit
/// validates declarations from it (IA3013), judges from it (IA1xxx), and the analyzers read it from the
/// referenced assembly to reject impossible bounds while the user types (IA0001).
/// </summary>
/// <remarks>
/// A bound left at NaN is not set. Bounds on one metric share its tolerance; declare it the same on each.
/// </remarks>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
public sealed class BoundAttribute : Attribute
{
    /// <param name="metric">The metric's name in results and baselines, e.g. <c>clusterability</c>.</param>
    /// <param name="kind">Whether the metric must be at least (<see cref="BoundKind.Min"/>) or at most the bound.</param>
    /// <param name="code">The finding code of a violation, e.g. <c>IA1201</c> (docs/diagnostics.md).</param>
    public BoundAttribute(string metric, BoundKind kind, string code)
    {
        Metric = metric;
        Kind = kind;
        Code = code;
    }

    /// <summary>The bounded metric's name.</summary>
    public string Metric { get; }

    /// <summary>The side the bound limits.</summary>
    public BoundKind Kind { get; }

    /// <summary>The finding code of a violation.</summary>
    public string Code { get; }

    /// <summary>The smallest value the bound may be declared with (default −∞).</summary>
    public double Lower { get; set; } = double.NegativeInfinity;

    /// <summary>The largest value the bound may be declared with (default +∞).</summary>
    public double Upper { get; set; } = double.PositiveInfinity;

    /// <summary>
    /// The smallest bad-direction move of the metric that may count as a regression, in its own units
    /// (the band's floor when calibration noise is smaller; docs/diagnostics.md, "How a regression is judged").
    /// </summary>
    public double Tolerance { get; set; }

    /// <summary>The same floor as a share of the baseline's value; the larger of the two applies.</summary>
    public double RelativeTolerance { get; set; }
}
