namespace MnistAudit.Training;

/// <summary>How <see cref="Trainer"/> trains. The defaults are the ones the build uses.</summary>
/// <param name="Epochs">Passes over the 8,000 training digits.</param>
/// <param name="Seed">Seeds both the weight initialisation (torch.manual_seed) and the shuffle (System.Random).</param>
public sealed record TrainingOptions(int Epochs = TrainingOptions.DefaultEpochs, int Seed = TrainingOptions.DefaultSeed)
{
    public const int DefaultEpochs = 25;

    public const int DefaultSeed = 1;

    public int BatchSize { get; init; } = 64;

    public double LearningRate { get; init; } = 1e-3;

    /// <summary>
    /// CPU threads for libtorch. One, because (a) the layers are too small to gain from more (batch 64 ×
    /// 784 × 64), (b) on a busy machine OpenMP's spinning workers lose badly to preemption (25 epochs on
    /// the shared 2-core build machine: 4 s with one thread, over a minute with two), and (c) a
    /// reduction's rounding depends on the thread count, so fixing it keeps the weights reproducible
    /// across machines.
    /// </summary>
    public int Threads { get; init; } = 1;

    /// <summary>Batch size for measuring evaluation accuracy (no gradients, so larger is cheaper).</summary>
    public int EvaluationBatchSize { get; init; } = 500;

    /// <summary>Null for the plain model; set, the enmeshment loss is added to the cross-entropy (the modular variant).</summary>
    public EnmeshmentOptions? Enmeshment { get; init; }
}
