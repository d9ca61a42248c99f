using InterpAudit;
using MnistAudit.Data;
using MnistAudit.Model;
using static TorchSharp.torch;

namespace MnistAudit;

// Trained model (seed 1, 25 epochs): overall 94.70 % (1894/2000); per class 0: 97.5, 1: 96.9, 2: 93.9,
// 3: 93.2, 4: 95.9, 5: 92.4, 6: 96.6, 7: 95.8, 8: 91.5 (lowest, 173/189), 9: 92.3 %. Seeds 2 and 3
// reach 94.85 % and 95.35 %. The thresholds leave ~1.5 points for retraining on another machine.
[InterpretabilityAudit("mnist-mlp")]
[AccuracyCheck(MinOverall = 0.93)]
[AccuracyCheck(Min = 0.90)]
// Report-only: the plain model is not trained for modularity, so its fc2 is expected to fall short of
// the modular variant's bound (MnistModularMlpAudit); the warning shows by how much.
[ModularityCheck("fc2", Clusters = 4, MinClusterability = 0.9, Severity = CheckSeverity.Warning)]
public sealed class MnistMlpAudit : IAuditTarget
{
    public IReadOnlyList<string> ClassNames { get; } = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

    /// <summary>Written by the build's MnistTrain target (MnistAudit.csproj).</summary>
    public string WeightsPath => "obj/mnist-mlp.weights";

    public nn.Module<Tensor, Tensor> CreateModel() => new MnistMlp();

    /// <summary>The 2,000 evaluation digits, streamed from the cache in the same order every time.</summary>
    public IEnumerable<LabelledBatch> EvaluationBatches(int batchSize) =>
        MnistData.Open(MnistData.DefaultDirectory).Batches(MnistSplit.Evaluation, batchSize);
}
