using InterpAudit;
using MnistAudit.Data;
using MnistAudit.Model;
using static TorchSharp.torch;

namespace MnistAudit;

// The same MLP, data, seed and schedule as MnistMlpAudit, trained with the enmeshment loss
// λ·(1 − C) on fc2 over 4 contiguous blocks, λ = 0.7 (Training/EnmeshmentOptions.cs). Trained model:
// overall 94.25 % (1885/2000) against the plain model's 94.70 %; lowest class 3: 90.8 % (188/207).
// fc2 co-clusters with C = 0.995 (the plain model's fc2: see MnistMlpAudit), so the modularity bound
// of 0.9 passes with room for retraining on another machine, and fails the plain model by far.
// The per-class bound is 2 points lower than the plain audit's: two classes sit near 91 %.
[InterpretabilityAudit("mnist-mlp-modular")]
[AccuracyCheck(MinOverall = 0.93)]
[AccuracyCheck(Min = 0.88)]
[ModularityCheck("fc2", Clusters = 4, MinClusterability = 0.9)]
// Per-class ablation of the same 4 co-clusters (16 units each), measured: mean ablation (judged) S_c
// 0.63, 0.32, 0.35, 0.38, mean 0.42 against 0.41 for random unit sets; ranks p 0.19, 0.33, 0.67, 0.57;
// largest collateral drop 0.20. Zero ablation: mean S 0.35 (random 0.41). Clustered, not specialised:
// the modular fc2 separates into blocks, but they are no more class-specific than random units — and
// less than the plain model's clusters (mean S 0.51), as the modularity paper's follow-up found.
[AblationCheck("fc2", MinSpecialization = 0.35, MaxCollateralDrop = 0.3)]
// Effective circuit size (exact): per class 0: 0.0389, 1: 0.0189, 2: 0.0292, 3: 0.0283, 4: 0.0410,
// 5: 0.0447, 6: 0.0319, 7: 0.0289, 8: 0.0449, 9: 0.0232; mean 0.0330 against the plain model's 0.0368:
// slightly smaller circuits, as the paper reports for modular training. Same bounds as the plain audit.
[CircuitCheck(MaxMeanEcs = 0.06, MaxEcs = 0.08, Mode = EcsMode.Both)]
public sealed class MnistModularMlpAudit : IAuditTarget
{
    public IReadOnlyList<string> ClassNames { get; } = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

    /// <summary>Written by the build's MnistTrainModular target (MnistAudit.csproj).</summary>
    public string WeightsPath => "obj/mnist-mlp-modular.weights";

    public nn.Module<Tensor, Tensor> CreateModel() => new MnistMlp();

    /// <summary>The 2,000 evaluation digits, as MnistMlpAudit reads them.</summary>
    public IEnumerable<LabelledBatch> EvaluationBatches(int batchSize) =>
        MnistData.Open(MnistData.DefaultDirectory).Batches(MnistSplit.Evaluation, batchSize);
}
