namespace InterpAudit.Results;

/// <summary>An uncertainty interval of a metric, with the method that produced it (e.g. "wilson-95").</summary>
public sealed record Interval(double Lower, double Upper, string Method);
