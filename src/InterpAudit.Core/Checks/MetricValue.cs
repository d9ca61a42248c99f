using InterpAudit.Results;

namespace InterpAudit.Checks;

/// <summary>One value of a bounded metric that a check family measured, in one scope, ready to judge.</summary>
/// <param name="Scope">The scope text (<see cref="MetricScope.Of"/>), e.g. <c>class=7</c>; empty for an audit-wide value.</param>
/// <param name="Outcomes">Per-sample outcomes whose mean is the value, where the family has them (accuracy).</param>
public sealed record MetricValue(string Scope, double Value, Interval? Interval = null, SampleOutcomes? Outcomes = null);
