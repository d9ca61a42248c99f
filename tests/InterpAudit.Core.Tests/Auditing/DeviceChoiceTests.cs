using InterpAudit.Auditing;
using InterpAudit.Capture;
using InterpAudit.Checks;
using InterpAudit.Results;
using TorchSharp;
using static TorchSharp.torch;

namespace InterpAudit.Tests.Auditing;

/// <summary>
/// Every measurement family through the engine with <c>--device cpu</c> and with <c>auto</c>. Each
/// measurement allocates on the stream's device, so the two runs must agree: exactly on a machine
/// without CUDA (where auto is the CPU, as here and in CI), and within float tolerance on one with a
/// GPU, where this same test then exercises every family on CUDA.
/// </summary>
public sealed class DeviceChoiceTests
{
    private const int Samples = 600;

    /// <summary>An 8-16-16-3 ReLU MLP on three Gaussian blobs, seeded: every family has something to measure.</summary>
    private sealed class BlobsTarget(string weightsPath) : IAuditTarget
    {
        public IReadOnlyList<string> ClassNames { get; } = ["a", "b", "c"];
        public string WeightsPath => weightsPath;
        public nn.Module<Tensor, Tensor> CreateModel() => Architecture();

        public IEnumerable<LabelledBatch> EvaluationBatches(int batchSize)
        {
            var random = new Random(4);
            var inputs = new float[Samples, 8];
            var labels = new long[Samples];
            for (int n = 0; n < Samples; n++)
            {
                labels[n] = n % 3;
                for (int j = 0; j < 8; j++)
                    inputs[n, j] = (float)((j % 3 == labels[n] ? 1.5 : 0) + random.NextDouble() - 0.5);
            }
            return TinyModels.Batches(inputs, labels, batchSize);
        }
    }

    private static nn.Module<Tensor, Tensor> Architecture() =>
        nn.Sequential(("fc1", nn.Linear(8, 16)), ("relu1", nn.ReLU()), ("fc2", nn.Linear(16, 16)), ("relu2", nn.ReLU()), ("fc3", nn.Linear(16, 3)));

    private static string SavedModel()
    {
        torch.manual_seed(21);
        var model = Architecture();
        string path = TinyModels.TempFile(".weights");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        model.save(path);
        return path;
    }

    private static AuditCheckAttribute[] EveryFamily() =>
    [
        new AccuracyCheckAttribute { MinOverall = 0 },
        new InformationCheckAttribute("relu1") { MinLabelBits = 0, MinSignificantUnitFraction = 0, Components = 4, Permutations = 100 },
        new RedundancyCheckAttribute("relu1", "relu2") { MaxCoInformation = 100, Components = 4 },
        new LibCheckAttribute { Layers = ["relu1", "relu2"], MaxLibFeatures = 100, MinSparsityGain = 0 },
        new ModularityCheckAttribute("fc2") { MinClusterability = 0, Clusters = 2 },
        new AblationCheckAttribute("fc2") { MinSpecialization = 0, MaxCollateralDrop = 1, Clusters = 2 },
        new CircuitCheckAttribute { MaxMeanEcs = 1, Mode = EcsMode.Both, MaxSamplesPerClass = 50 },
    ];

    private static AuditResult Run(string weights, string device) =>
        new AuditEngine(CheckCatalog.Default).Run(new AuditRequest(new BlobsTarget(weights), TinyModels.Weights, new InterpretabilityAuditAttribute("blobs") { Seed = 5 },
            EveryFamily().Select((c, i) => new DeclaredCheck(c, new CheckDeclaration(c.GetType().Name, i))).ToList(), device, "test"));

    [Fact]
    public void Every_family_gives_the_same_values_with_cpu_and_with_auto()
    {
        string weights = SavedModel();
        AuditResult cpu = Run(weights, "cpu"), auto = Run(weights, "auto");

        Assert.Equal("cpu", cpu.Device);
        Assert.Equal(AuditDevice.Resolve("auto").ToString(), auto.Device);
        Assert.Equal(EveryFamily().Length, cpu.Checks.Select(c => c.Family).Distinct().Count());
        Assert.Equal(cpu.Checks.Select(c => (c.Family, c.Metric, c.Scope)), auto.Checks.Select(c => (c.Family, c.Metric, c.Scope)));
        bool sameDevice = cpu.Device == auto.Device;
        foreach ((CheckResult a, CheckResult b) in cpu.Checks.Zip(auto.Checks))
        {
            Assert.False(double.IsNaN(a.Value), $"{a.Family} {a.Metric} {a.Scope} is NaN");
            if (sameDevice)
                Assert.Equal(a.Value, b.Value);
            else // CUDA's reductions sum in another order
                Assert.Equal(a.Value, b.Value, 1e-4 * Math.Max(1, Math.Abs(a.Value)));
        }
    }
}
