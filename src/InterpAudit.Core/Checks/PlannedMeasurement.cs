using InterpAudit.Results;

namespace InterpAudit.Checks;

/// <summary>
/// A measurement a declaration will take, known before anything runs, and what it is expected to cost.
/// </summary>
/// <param name="Cost">
/// A rough cost in passes over the evaluation set (the unit the families' own descriptions count in).
/// Only its ratios matter: it balances shards, and a plan made from it is the same on every machine,
/// which a plan made from timings would not be.
/// </param>
public sealed record PlannedMeasurement(MeasurementId Id, double Cost);
