using System.Globalization;
using InterpAudit.Ablation;
using InterpAudit.Capture;
using InterpAudit.Circuits;
using InterpAudit.Diagnostics;
using InterpAudit.Lib;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace InterpAudit.Bench;

/// <summary>
/// Issue #18 point 6: how each family's time grows with the model and the data. Two models besides the
/// sample's shape — a 784-256-256-10 MLP (268,800 weights) and a small convolutional network
/// (Conv2d(1, 8, 5) → ReLU → MaxPool 2 → Flatten → Linear(1152, 64) → ReLU → Linear(64, 10): 74,568
/// weights) — each measured at 1,000 and 4,000 digits.
/// <para>
/// The sample's 10,000 cached digits are shuffled with a fixed seed; the models are trained briefly
/// (two epochs of Adam, batches of 64, seed 0) on digits 4,000–9,999 of that order rather than left at
/// their random initialisation: exact ECS's cost is the weights that need a loss trial, which depends
/// on how much of the network a class uses, and a random network uses it evenly. They are measured on
/// digits 0–999 and 0–3,999, which training did not see.
/// </para>
/// </summary>
internal static class Growth
{
    private const int Batch = 256, Classes = 10;
    private static readonly string[] ClassNames = Enumerable.Range(0, Classes).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();

    private sealed record Network(string Name, Func<nn.Module<Tensor, Tensor>> Create, long[] InputShape, string[] LibLayers, (string Layer, int Clusters)[] Ablated);

    public static List<Measurement.Timing> Run(string digitsPath, int runs, Func<string, bool> wanted)
    {
        var (sorted, sortedLabels) = MnistDigits.Read(digitsPath);
        // The cache holds each split sorted by class: a fixed shuffle, so that any prefix has every class.
        int[] order = Enumerable.Range(0, sortedLabels.Length).ToArray();
        new Random(0).Shuffle(order);
        float[] pixels = order.SelectMany(d => sorted.AsSpan(d * 784, 784).ToArray()).ToArray();
        long[] labels = order.Select(d => sortedLabels[d]).ToArray();
        var rows = new List<Measurement.Timing>();
        Network[] networks =
        [
            new("MLP 784-64-64-10", () => Mlp(64), [784], ["relu1", "relu2"], [("fc2", 4)]),
            new("MLP 784-256-256-10", () => Mlp(256), [784], ["relu1", "relu2"], [("fc2", 4)]),
            new("conv 1-8c5-pool-64-10", Conv, [1, 28, 28], ["relu1", "relu2"], [("conv1", 4), ("fc1", 4)]),
        ];
        foreach (Network network in networks)
        {
            torch.manual_seed(0);
            nn.Module<Tensor, Tensor> model = network.Create();
            long weights = model.named_parameters().Where(p => p.name.EndsWith("weight", StringComparison.Ordinal)).Sum(p => p.parameter.numel());
            double accuracy = Train(model, network.InputShape, pixels, labels, from: 4000, to: labels.Length);
            Console.WriteLine($"{network.Name}: {weights:N0} weights, trained to {accuracy:P1} on its training digits; load average {File.ReadAllText("/proc/loadavg").Trim()}");
            foreach (int samples in new[] { 1000, 4000 })
            {
                IEnumerable<LabelledBatch> Batches(int size)
                {
                    for (int start = 0; start < samples; start += size)
                    {
                        int n = Math.Min(size, samples - start);
                        yield return new LabelledBatch(tensor(pixels.AsSpan(start * 784, n * 784).ToArray(), [n, .. network.InputShape]), tensor(labels.AsSpan(start, n).ToArray(), [n]));
                    }
                }
                ActivationStream Stream() => new(model, Batches, CPU, Batch, Classes);
                string at = $"{network.Name}, {samples:N0}";
                string Rate(Measurement.Timing t) =>
                    $"{t.MedianSeconds / (samples / 1000.0):F4} s per 1,000 samples, {t.MedianSeconds / (samples / 1000.0) / (weights / 1e5):F4} per 1,000 samples and 100k weights";

                void Add(string name, Func<string> work, bool warmUp)
                {
                    if (!wanted(name)) return;
                    Measurement.Timing t = Measurement.Time(name, runs, work, warmUp);
                    rows.Add(t with { Note = t.Note + "; " + Rate(t) });
                }

                CapturedChain? chain = null;
                string? unsupported = null;
                try
                {
                    if (wanted($"growth ECS exact, {at}") || wanted($"growth ECS fast, {at}"))
                        chain = ChainCapture.Capture(Stream(), samples); // every digit of the first `samples`, whatever its class
                }
                catch (AuditInputException e)
                {
                    unsupported = $"not applicable: {e.Code}, {e.Message.Split(':')[0]}";
                }
                foreach (string mode in new[] { "exact", "fast" })
                {
                    string name = $"growth ECS {mode}, {at} (all 10 classes)";
                    if (chain is null)
                    {
                        if (unsupported is null) continue; // not wanted
                        if (wanted(name)) rows.Add(new Measurement.Timing(name, double.NaN, double.NaN, double.NaN, 0, unsupported!));
                        continue;
                    }
                    // Exact ECS runs for seconds to minutes: no warm-up, one run unless asked for more.
                    Add(name, () =>
                    {
                        long trials = 0;
                        double ecs = chain.Classes.Select(c =>
                        {
                            PruningOutcome outcome = mode == "exact" ? GreedyCircuitPruning.Run(chain.Chain, c) : AttributionCircuitPruning.Run(chain.Chain, c);
                            trials += outcome.LossEvaluations;
                            return 1 - (double)outcome.Pruned.Count / chain.Chain.WeightCount;
                        }).Average();
                        return $"mean ECS {ecs:F4}, {trials:N0} loss trials, {chain.Chain.WeightCount:N0} weights in the chain {chain.Chain.Describe()}";
                    }, warmUp: mode == "fast");
                }
                Add($"growth LIB {string.Join("+", network.LibLayers)}, {at}", () =>
                {
                    LibResult result = LocalInteractionBasis.Measure(Stream(), network.LibLayers, new LibOptions()).Result;
                    return string.Join("; ", result.Layers.Select(l => $"{l.Layer} {l.LibFeatures} LIB / {l.PcaFeatures} PCA features"));
                }, warmUp: true);
                foreach ((string layer, int k) in network.Ablated)
                    Add($"growth ablation {layer} (k={k}, 20 random sets), {at}", () =>
                    {
                        ActivationStream stream = Stream();
                        int units = LayerUnits.Of(stream.Layers.Resolve(layer, "bench")).Count;
                        IReadOnlyList<int>[] clusters = Enumerable.Range(0, k).Select(c => (IReadOnlyList<int>)Enumerable.Range(0, units).Where(u => u * k / units == c).ToArray()).ToArray();
                        ClusterAblationResult result = ClusterAblation.Measure(stream, layer, clusters, ClassNames, new AblationOptions());
                        string how = result.LogitUpdate ? $"logit update, {result.RecomputedPredictions:N0} predictions recomputed" : result.StackedAtLayer ? "forward passes stacked at the layer" : "forward passes of repeated inputs";
                        return $"{1 + 2 * k * 21} variants, {how}; mean S zero {result.Zero.MeanSpecialization:F3}";
                    }, warmUp: true);
            }
            Console.WriteLine($"{network.Name} done; load average {File.ReadAllText("/proc/loadavg").Trim()}");
        }
        return rows;
    }

    private static nn.Module<Tensor, Tensor> Mlp(int hidden) => nn.Sequential(
        ("fc1", nn.Linear(784, hidden)), ("relu1", nn.ReLU()), ("fc2", nn.Linear(hidden, hidden)), ("relu2", nn.ReLU()), ("fc3", nn.Linear(hidden, 10)));

    private static nn.Module<Tensor, Tensor> Conv() => nn.Sequential(
        ("conv1", nn.Conv2d(1, 8, 5)), ("relu1", nn.ReLU()), ("pool1", nn.MaxPool2d(2)), ("flat", nn.Flatten()),
        ("fc1", nn.Linear(8 * 12 * 12, 64)), ("relu2", nn.ReLU()), ("fc2", nn.Linear(64, 10)));

    /// <returns>Accuracy on the training digits after the last epoch.</returns>
    private static double Train(nn.Module<Tensor, Tensor> model, long[] inputShape, float[] pixels, long[] labels, int from, int to)
    {
        const int epochs = 2, batch = 64;
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        model.train();
        for (int epoch = 0; epoch < epochs; epoch++)
            for (int start = from; start < to; start += batch)
            {
                using var scope = NewDisposeScope();
                int n = Math.Min(batch, to - start);
                Tensor x = tensor(pixels.AsSpan(start * 784, n * 784).ToArray(), [n, .. inputShape]);
                Tensor y = tensor(labels.AsSpan(start, n).ToArray(), [n]);
                optimizer.zero_grad();
                nn.functional.cross_entropy(model.call(x), y).backward();
                optimizer.step();
            }
        model.eval();
        using var _ = no_grad();
        using var all = NewDisposeScope();
        Tensor logits = model.call(tensor(pixels.AsSpan(from * 784, (to - from) * 784).ToArray(), [to - from, .. inputShape]));
        return logits.argmax(1).eq(tensor(labels.AsSpan(from, to - from).ToArray())).to_type(ScalarType.Float64).mean().item<double>();
    }
}
