using System.Text.Json;
using InterpAudit.Auditing;
using InterpAudit.Checks;
using InterpAudit.Diagnostics;
using InterpAudit.Modularity;
using InterpAudit.Results;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace InterpAudit.Tests.Modularity;

/// <summary>The modularity check through the audit engine, on a model whose fc1 is block-diagonal and whose fc2 is noise.</summary>
public sealed class ModularityCheckTests
{
    private static nn.Module<Tensor, Tensor> Architecture() =>
        nn.Sequential(("fc1", nn.Linear(16, 16)), ("relu", nn.ReLU()), ("fc2", nn.Linear(16, 16)), ("head", nn.Linear(16, 2)));

    private sealed class BlockTarget(string weightsPath) : IAuditTarget
    {
        public IReadOnlyList<string> ClassNames { get; } = ["a", "b"];
        public string WeightsPath => weightsPath;
        public nn.Module<Tensor, Tensor> CreateModel() => Architecture();

        public IEnumerable<LabelledBatch> EvaluationBatches(int batchSize)
        {
            var inputs = new float[8, 16];
            for (int i = 0; i < 8; i++) inputs[i, i] = 1;
            return TinyModels.Batches(inputs, [0, 1, 0, 1, 0, 1, 0, 1], batchSize);
        }
    }

    private static BlockTarget SavedBlockModel()
    {
        var model = Architecture();
        var random = new Random(11);
        using (no_grad())
        {
            Linear fc1 = (Linear)model.named_modules().Single(m => m.name == "fc1").module;
            Linear fc2 = (Linear)model.named_modules().Single(m => m.name == "fc2").module;
            var blocks = new float[16 * 16];
            var noise = new float[16 * 16];
            for (int u = 0; u < 16; u++)
                for (int v = 0; v < 16; v++)
                {
                    blocks[u * 16 + v] = u / 4 == v / 4 ? (float)(0.5 + random.NextDouble()) : 0.001f * (float)random.NextDouble();
                    noise[u * 16 + v] = (float)ModularityMatrices.Gaussian(random);
                }
            fc1.weight!.copy_(tensor(blocks, [16, 16]));
            fc2.weight!.copy_(tensor(noise, [16, 16]));
        }
        string path = TinyModels.TempFile(".weights");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        model.save(path);
        return new BlockTarget(path);
    }

    private static AuditResult Run(params AuditCheckAttribute[] checks) =>
        new AuditEngine(CheckCatalog.Default).Run(new AuditRequest(SavedBlockModel(), TinyModels.Weights, new InterpretabilityAuditAttribute("blocks") { Seed = 3 },
            checks.Select((c, i) => new DeclaredCheck(c, new CheckDeclaration(c.GetType().Name, i))).ToList(), "cpu", "test"));

    [Fact]
    public void A_block_diagonal_layer_passes_and_a_noise_layer_fails_as_a_warning()
    {
        AuditResult result = Run(
            new ModularityCheckAttribute("fc1") { MinClusterability = 0.95, MinNormalizedClusterability = 0.9, MaxEnmeshment = 0.05 },
            new ModularityCheckAttribute("fc2") { MinClusterability = 0.8, Severity = CheckSeverity.Warning });

        Assert.Equal(
            [("clusterability", "layer=fc1", Verdict.Pass), ("normalizedClusterability", "layer=fc1", Verdict.Pass),
             ("enmeshment", "layer=fc1", Verdict.Pass), ("clusterability", "layer=fc2", Verdict.Fail)],
            result.Checks.Select(c => (c.Metric, c.Scope, c.Verdict)));
        CheckResult failed = result.Checks[^1];
        Assert.Equal("IA1201", failed.Code);
        Assert.Equal(CheckSeverity.Warning, failed.Severity);
        Assert.Matches(@"^clusterability\(layer=fc2\) = 0\.\d+ < min 0\.80$", failed.Message);
        Assert.Equal(AuditVerdict.Warn, result.Verdict);

        var fc1 = Assert.IsType<LayerModularityResult>(result.Measurements["modularity:fc1:k=4"]);
        Assert.Equal(("fc1", 16, 16, 3), (fc1.Layer, fc1.Outputs, fc1.Inputs, fc1.Options.Seed));
        Assert.Equal(Enumerable.Range(0, 16).Select(u => u / 4), Canonical(fc1.OutputClusters));
        Assert.Equal(Enumerable.Range(0, 16).Select(v => v / 4), Canonical(fc1.InputClusters));
        Assert.Contains("measure:modularity:fc2:k=4", result.TimingsSeconds.Keys);
        Assert.True(result.Checks[1].Interval is { Method: "shuffle-null-se-95" });

        // metrics.json serialises measurements by their runtime type: no cycles, no huge arrays.
        string json = JsonSerializer.Serialize(result, new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        });
        Assert.Contains("\"normalizedClusterability\":", json);
        Assert.Contains("\"outputOrder\":", json);
    }

    [Fact]
    public void Checks_of_the_same_layer_and_settings_share_one_measurement()
    {
        AuditResult result = Run(
            new ModularityCheckAttribute("fc1") { MinClusterability = 0.5 },
            new ModularityCheckAttribute("fc1") { MaxEnmeshment = 0.5 },
            new ModularityCheckAttribute("fc1") { Clusters = 2, MinClusterability = 0.5 });
        Assert.Equal(["modularity:fc1:k=2", "modularity:fc1:k=4"], result.Measurements.Keys.Order());
        Assert.Equal("layer=fc1,k=2", result.Checks[2].Scope);
    }

    [Theory]
    [InlineData("fc1", 20, 0.5, 10, "Clusters = 20 exceeds the 16 output × 16 input units of 'fc1' (at most 16)")]
    [InlineData("fc1", 1, 0.5, 10, "Clusters = 1 is below 2")]
    [InlineData("fc1", 4, 1.5, 10, "MinClusterability = 1.5 is outside [0, 1]")]
    [InlineData("fc1", 4, double.NaN, 10, "none of MinClusterability, MinNormalizedClusterability and MaxEnmeshment is set")]
    [InlineData("fc1", 4, 0.5, 5, "Shuffles = 5 is below 10")]
    [InlineData("relu", 4, 0.5, 10, "layer 'relu' cannot be co-clustered: it is a ReLU, which has no weight matrix")]
    public void Invalid_declarations_are_IA3013_before_anything_is_measured(string layer, int clusters, double min, int shuffles, string problem)
    {
        var e = Assert.Throws<AuditInputException>(() =>
            Run(new ModularityCheckAttribute(layer) { Clusters = clusters, MinClusterability = min, Shuffles = shuffles }));
        Assert.Equal("IA3013", e.Code);
        Assert.Contains(problem, e.Message);
        Assert.Equal(new CheckDeclaration(nameof(ModularityCheckAttribute), 0), e.Declaration);
    }

    [Fact]
    public void An_unknown_layer_is_IA3006_at_the_declaration()
    {
        var e = Assert.Throws<AuditInputException>(() => Run(new ModularityCheckAttribute("fc9") { MinClusterability = 0.5 }));
        Assert.Equal("IA3006", e.Code);
        Assert.Contains("'fc2'", e.Message);
        Assert.Equal(new CheckDeclaration(nameof(ModularityCheckAttribute), 0), e.Declaration);
    }

    [Fact]
    public void The_catalog_finds_the_modularity_check()
    {
        Assert.Contains(typeof(ModularityCheckAttribute), CheckCatalog.Default.AttributeTypes);
    }

    /// <summary>Labels renamed in order of first appearance, so partitions compare whatever k-means called them.</summary>
    private static int[] Canonical(IReadOnlyList<int> labels)
    {
        var names = new Dictionary<int, int>();
        return labels.Select(l => names.TryGetValue(l, out int n) ? n : names[l] = names.Count).ToArray();
    }
}
