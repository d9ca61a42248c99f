namespace InterpAudit.Capture;

/// <summary>What data an audit saw: the sample count and the SHA-256 of inputs and labels in order.</summary>
public sealed record DatasetIdentity(long SampleCount, string Sha256, IReadOnlyList<long> ClassCounts);
