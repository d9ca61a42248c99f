namespace InterpAudit.Results;

/// <summary>What model was audited: its type, the weights file and its SHA-256, and its parameter count.</summary>
public sealed record ModelIdentity(string Type, string WeightsPath, string WeightsSha256, long Parameters);
