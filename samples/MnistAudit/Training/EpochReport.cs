namespace MnistAudit.Training;

/// <summary>What one training epoch achieved.</summary>
/// <param name="MeanLoss">Mean cross-entropy over the epoch's training batches (weighted by batch size).</param>
/// <param name="Evaluation">Accuracy on the evaluation digits after the epoch.</param>
/// <param name="Elapsed">Time since training started.</param>
/// <param name="Clusterability">The modular variant's regularised layer's C under its training partition; null for the plain model.</param>
public sealed record EpochReport(int Epoch, int Epochs, double MeanLoss, ClassAccuracies Evaluation, TimeSpan Elapsed, double? Clusterability = null)
{
    public override string ToString() =>
        $"epoch {Epoch,2}/{Epochs}  loss {MeanLoss:F4}  eval accuracy {Evaluation.Overall:P2}"
        + (Clusterability is { } c ? $"  clusterability {c:F3}" : "")
        + $"  elapsed {Elapsed.TotalSeconds:F1} s";
}
