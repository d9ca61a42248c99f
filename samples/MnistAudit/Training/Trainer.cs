using System.Diagnostics;
using InterpAudit.Training;
using MnistAudit.Data;
using MnistAudit.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace MnistAudit.Training;

/// <summary>
/// Trains <see cref="MnistMlp"/> on the training digits with Adam and cross-entropy (plus, for the
/// modular variant, the enmeshment loss of InterpAudit.Training), and measures evaluation accuracy
/// after every epoch. Deterministic for a given seed on a given machine: the seed
/// fixes the initial weights and the shuffle order, and the thread count is fixed
/// (<see cref="TrainingOptions.Threads"/>); other CPUs' kernels may still round differently.
/// </summary>
public sealed class Trainer(TrainingOptions options)
{
    public MnistMlp Train(MnistData data, Action<EpochReport>? onEpoch = null)
    {
        torch.set_num_threads(options.Threads);
        torch.manual_seed(options.Seed);
        var shuffle = new Random(options.Seed);
        var model = new MnistMlp();
        using var optimizer = optim.Adam(model.parameters(), lr: options.LearningRate);
        using EnmeshmentLoss? enmeshment = options.Enmeshment is { } e
            ? EnmeshmentLoss.ContiguousBlocks(model, e.Lambda, e.Clusters, e.Layer)
            : null;

        using var all = data.ReadAll(MnistSplit.Training);
        int count = (int)all.Labels.shape[0];
        int[] order = Enumerable.Range(0, count).ToArray();
        long started = Stopwatch.GetTimestamp();

        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            model.train();
            shuffle.Shuffle(order);
            double lossSum = 0;
            for (int start = 0; start < count; start += options.BatchSize)
            {
                int size = Math.Min(options.BatchSize, count - start);
                using (NewDisposeScope())
                {
                    Tensor indices = tensor(order.AsSpan(start, size).ToArray().Select(i => (long)i).ToArray());
                    Tensor inputs = all.Inputs.index_select(0, indices);
                    Tensor labels = all.Labels.index_select(0, indices);
                    optimizer.zero_grad();
                    Tensor crossEntropy = nn.functional.cross_entropy(model.call(inputs), labels);
                    Tensor loss = enmeshment is null ? crossEntropy : crossEntropy + enmeshment.Compute();
                    loss.backward();
                    optimizer.step();
                    lossSum += crossEntropy.item<float>() * size;
                }
            }

            ClassAccuracies evaluation = ClassAccuracies.Measure(
                model, data.Batches(MnistSplit.Evaluation, options.EvaluationBatchSize), MnistMlp.ClassCount);
            double? clusterability = null;
            if (enmeshment is not null)
                using (no_grad())
                    clusterability = enmeshment.MeanClusterability().item<float>();
            onEpoch?.Invoke(new EpochReport(epoch, options.Epochs, lossSum / count, evaluation, Stopwatch.GetElapsedTime(started), clusterability));
        }
        return model;
    }
}
