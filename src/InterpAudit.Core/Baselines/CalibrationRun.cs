namespace InterpAudit.Baselines;

/// <summary>One audit run a baseline was calibrated from: which weights, when, where, with which tool.</summary>
public sealed record CalibrationRun(string WeightsSha256, DateTimeOffset StartedAt, string Device, string ToolVersion);
