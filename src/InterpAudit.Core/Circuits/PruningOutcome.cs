namespace InterpAudit.Circuits;

/// <summary>What one pruning pass over one class found.</summary>
/// <param name="OriginalLoss">Mean cross-entropy of the unpruned model on the class's samples (float64).</param>
/// <param name="PrunedLoss">The same after pruning; at most OriginalLoss·(1 + tolerance).</param>
/// <param name="LossEvaluations">Trials that needed the loss (exact: weights whose zeroing changed an activation; fast: bisection steps).</param>
internal sealed record PruningOutcome(PrunedWeights Pruned, double OriginalLoss, double PrunedLoss, long LossEvaluations);
