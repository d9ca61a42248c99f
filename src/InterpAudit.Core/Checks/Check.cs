using InterpAudit.Diagnostics;
using InterpAudit.Results;

namespace InterpAudit.Checks;

/// <summary>
/// A check family. What every family shares is done here from the attribute's metadata: validating
/// the declared limits (<see cref="DeclaredLimits"/>), judging each set bound against the values the
/// family measured, the finding code and the default regression tolerance (<see cref="BoundAttribute"/>).
/// A family supplies only what is its own: how to measure, which values each bound judges, and the
/// checks that need the model or the data. The <see cref="CheckCatalog"/> finds it by reflection.
/// </summary>
/// <typeparam name="TMeasurement">What one declaration measures (possibly several cached measurements).</typeparam>
public abstract class Check<TAttribute, TMeasurement> : ICheck where TAttribute : AuditCheckAttribute where TMeasurement : notnull
{
    public Type AttributeType => typeof(TAttribute);

    /// <summary>The family's name, from the attribute's <see cref="CheckFamilyAttribute"/>.</summary>
    public string Family { get; } = FamilyName.Of(typeof(TAttribute));

    public IEnumerable<string> Validate(AuditCheckAttribute attribute, CheckContext context) =>
        DeclaredLimits.Violations(attribute).Concat(ValidateAgainst((TAttribute)attribute, context));

    public IEnumerable<string> Layers(AuditCheckAttribute attribute) => Layers((TAttribute)attribute);

    public IReadOnlyList<PlannedMeasurement> Plan(AuditCheckAttribute attribute, CheckContext context) => Plan((TAttribute)attribute, context).ToList();

    public void MeasureOnly(AuditCheckAttribute attribute, CheckDeclaration declaration, CheckContext context) =>
        MeasurePlanned((TAttribute)attribute, declaration, context);

    public IEnumerable<CheckResult> Evaluate(AuditCheckAttribute attribute, CheckDeclaration declaration, CheckContext context)
    {
        var typed = (TAttribute)attribute;
        (TMeasurement measured, IReadOnlyList<string> keys) = MeasurePlanned(typed, declaration, context);
        var results = new List<CheckResult>();
        foreach (DeclaredBound bound in DeclaredLimits.BoundsOf(typeof(TAttribute)))
        {
            double limit = bound.ValueOf(typed);
            if (double.IsNaN(limit)) continue;
            var threshold = new Threshold(bound.Kind, limit);
            RegressionTolerance tolerance = double.IsNaN(attribute.RegressionTolerance)
                ? bound.Tolerance
                : new RegressionTolerance(attribute.RegressionTolerance);
            foreach (MetricValue value in Values(typed, measured, bound))
            {
                CheckResult judged = CheckResult.Judge(new MetricId(Family, bound.Metric, value.Scope), value.Value, value.Interval,
                    threshold, attribute.Severity, bound.Code, declaration) with { Outcomes = value.Outcomes, Tolerance = tolerance, MeasurementKeys = keys };
                results.Add(Annotate(judged, measured));
            }
        }
        // Grouped by scope in the order scopes first appear, bounds in declaration order within one: a
        // layer's or a class's figures stay together in every output.
        var order = results.Select(r => r.Scope).Distinct().Select((scope, i) => (scope, i)).ToDictionary(x => x.scope, x => x.i);
        return results.OrderBy(r => order[r.Scope]).ToList();
    }

    private (TMeasurement Measured, IReadOnlyList<string> Keys) MeasurePlanned(TAttribute attribute, CheckDeclaration declaration, CheckContext context)
    {
        int mark = context.UsedCount;
        TMeasurement measured = Measure(attribute, context, declaration);
        IReadOnlyList<string> keys = context.KeysUsedSince(mark);
        // A plan that misses a measurement would let two shards measure it, or none own it: a bug in
        // the family, caught on every audit rather than only on sharded ones. A recorded context (merge)
        // has no model to plan from, and measures nothing.
        if (context.IsRecorded) return (measured, keys);
        HashSet<string> planned = Plan(attribute, context).Select(p => p.Id.Key).ToHashSet(StringComparer.Ordinal);
        if (keys.FirstOrDefault(k => !planned.Contains(k)) is { } unplanned)
            throw new InvalidOperationException($"{GetType().Name} measured {unplanned}, which its Plan does not list ({string.Join(", ", planned)})");
        return (measured, keys);
    }

    /// <summary>What the metadata cannot say: names the model or the data must know, limits that depend on a layer's shape.</summary>
    protected virtual IEnumerable<string> ValidateAgainst(TAttribute attribute, CheckContext context) => [];

    /// <summary>The model layers the check reads, so unknown names fail (IA3006) before any measurement runs.</summary>
    protected virtual IEnumerable<string> Layers(TAttribute attribute) => [];

    /// <summary>Measures what the declaration needs, through <see cref="CheckContext.Measure{T}"/> so that equal measurements run once.</summary>
    protected abstract TMeasurement Measure(TAttribute attribute, CheckContext context, CheckDeclaration declaration);

    /// <summary>The measurements <see cref="Measure"/> takes, with their rough costs (<see cref="PlannedMeasurement.Cost"/>).</summary>
    protected abstract IEnumerable<PlannedMeasurement> Plan(TAttribute attribute, CheckContext context);

    /// <summary>The values <paramref name="bound"/> judges: one per scope (per class, per layer) or one in all.</summary>
    protected abstract IEnumerable<MetricValue> Values(TAttribute attribute, TMeasurement measured, DeclaredBound bound);

    /// <summary>Adds what the family knows about a judged value to its message; unchanged by default.</summary>
    protected virtual CheckResult Annotate(CheckResult judged, TMeasurement measured) => judged;

    /// <summary>
    /// Runs <paramref name="measure"/>, attaching <paramref name="declaration"/> to an input problem it
    /// reports without one, so the build error points at the attribute that asked for the measurement.
    /// </summary>
    protected static T AtDeclaration<T>(CheckDeclaration declaration, Func<T> measure)
    {
        try
        {
            return measure();
        }
        catch (AuditInputException e) when (e.Declaration is null)
        {
            throw new AuditInputException(e.Code, e.Message, e.File, e, declaration);
        }
    }

    /// <summary>A problem when <paramref name="name"/> is not one of the audit's class names.</summary>
    protected static IEnumerable<string> KnownClass(string property, string? name, CheckContext context)
    {
        if (name is not null && !context.ClassNames.Contains(name))
            yield return $"{property} = \"{name}\" is not a class name (expected one of {string.Join(", ", context.ClassNames.Select(n => $"\"{n}\""))})";
    }
}
