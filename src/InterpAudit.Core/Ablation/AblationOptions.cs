namespace InterpAudit.Ablation;

/// <summary>How <see cref="ClusterAblation"/> measures a layer.</summary>
/// <param name="RandomSets">Random same-size unit sets per cluster behind each S_c's rank (spec modularity.md §5: at least 20).</param>
/// <param name="Seed">Seeds the random unit sets.</param>
/// <param name="MaxRowsPerForward">
/// Most rows (samples × ablation variants) one forward pass may carry. Variants of a batch are
/// stacked into one forward pass up to this size: fewer, larger matrix products, bounded memory.
/// </param>
/// <param name="StackAtLayer">
/// Stack the variants at the ablated layer, so the layers before it run once per batch (checked per
/// batch, with a fallback to repeating the inputs); false always repeats the inputs.
/// </param>
/// <param name="LogitUpdate">
/// Where the layer reaches the logits linearly (<see cref="LinearReadout"/>), count each variant from
/// the clean logits plus the ablated units' share instead of a forward pass; the predictions are the
/// same (<see cref="LogitUpdateAccuracy"/>). False runs every variant through the model.
/// </param>
public sealed record AblationOptions(int RandomSets = AblationCheckAttribute.DefaultRandomSets, int Seed = 0, int MaxRowsPerForward = 16_384,
    bool StackAtLayer = true, bool LogitUpdate = true);
