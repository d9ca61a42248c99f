namespace MnistAudit.Training;

/// <summary>What one training epoch achieved.</summary>
/// <param name="MeanLoss">Mean cross-entropy over the epoch's training batches (weighted by batch size).</param>
/// <param name="Evaluation">Accuracy on the evaluation digits after the epoch.</param>
/// <param name="Elapsed">Time since training started.</param>
public sealed record EpochReport(int Epoch, int Epochs, double MeanLoss, ClassAccuracies Evaluation, TimeSpan Elapsed)
{
    public override string ToString() =>
        $"epoch {Epoch,2}/{Epochs}  loss {MeanLoss:F4}  eval accuracy {Evaluation.Overall:P2}  elapsed {Elapsed.TotalSeconds:F1} s";
}
