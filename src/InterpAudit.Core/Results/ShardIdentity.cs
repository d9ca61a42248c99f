namespace InterpAudit.Results;

/// <summary>
/// What the shards of one audit must share to be merged: the audit, the model and its weights, the
/// evaluation data, the seed, the tool and the device (libtorch's kernels differ between CPU and GPU).
/// The weights' path is not in it: two CI jobs may check the project out in different folders.
/// </summary>
public sealed record ShardIdentity(
    string Audit, string ModelType, string WeightsSha256, long Parameters, string DataSha256, long Samples,
    int Seed, string ToolVersion, string Device);
