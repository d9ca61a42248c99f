// InterpAudit benchmarks: each measurement family on a sample-sized model, with the GEMM rate of
// the same machine in the same run so that figures from different machines can be compared.
// Usage: dotnet run -c Release --project bench/InterpAudit.Bench [-- --runs N]
using System.Globalization;
using InterpAudit;
using InterpAudit.Accuracy;
using InterpAudit.Bench;
using InterpAudit.Capture;
using TorchSharp;
using static TorchSharp.torch;

int runs = args.Length == 2 && args[0] == "--runs" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
torch.manual_seed(0);
Console.WriteLine($"InterpAudit bench · {Environment.ProcessorCount} cores · libtorch threads {torch.get_num_threads()} · {runs} runs each (median, min–max)");

var (gemm32, t32) = GemmRate.Measure(ScalarType.Float32);
var (gemm64, t64) = GemmRate.Measure(ScalarType.Float64);
var rows = new List<Measurement.Timing> { t32 with { Note = $"{gemm32:F1} GFLOP/s" }, t64 with { Note = $"{gemm64:F1} GFLOP/s" } };

// The sample's shape: a 784-64-64-10 MLP on 2,000 evaluation samples in batches of 256.
const int samples = 2000, batch = 256;
var model = nn.Sequential(("fc1", nn.Linear(784, 64)), ("relu1", nn.ReLU()), ("fc2", nn.Linear(64, 64)), ("relu2", nn.ReLU()), ("fc3", nn.Linear(64, 10)));
model.eval();
Tensor data = rand(samples, 784);
Tensor labels = randint(0, 10, [samples], dtype: ScalarType.Int64);
IEnumerable<LabelledBatch> Batches(int size)
{
    for (int start = 0; start < samples; start += size)
    {
        int n = Math.Min(size, samples - start);
        yield return new LabelledBatch(data.narrow(0, start, n).clone(), labels.narrow(0, start, n).clone());
    }
}
string[] classes = Enumerable.Range(0, 10).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();

rows.Add(Measurement.Time("accuracy (2,000 × MLP, stream + validate + hash)", runs, () =>
{
    var stream = new ActivationStream(model, Batches, CPU, batch, 10);
    ClassAccuracyResult result = ClassAccuracy.Measure(stream, classes);
    return $"overall {result.Overall:F3}";
}));
rows.Add(Measurement.Time("capture relu1+relu2 (2,000 samples)", runs, () =>
{
    var stream = new ActivationStream(model, Batches, CPU, batch, 10);
    long values = 0;
    stream.ForEach(["relu1", "relu2"], b => values += b.Activations["relu1"].numel() + b.Activations["relu2"].numel());
    return $"{values:N0} activations";
}));

Console.WriteLine();
Console.WriteLine($"{"benchmark",-52} {"median s",10} {"min s",10} {"max s",10}  note");
foreach (Measurement.Timing row in rows)
    Console.WriteLine($"{row.Name,-52} {row.MedianSeconds,10:F4} {row.MinSeconds,10:F4} {row.MaxSeconds,10:F4}  {row.Note}");
