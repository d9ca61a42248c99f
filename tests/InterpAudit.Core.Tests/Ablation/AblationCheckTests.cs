using InterpAudit.Ablation;
using InterpAudit.Auditing;
using InterpAudit.Checks;
using InterpAudit.Diagnostics;
using InterpAudit.Modularity;
using InterpAudit.Results;
using TorchSharp;
using static TorchSharp.torch;

namespace InterpAudit.Tests.Ablation;

/// <summary>The ablation check through the audit engine, on four independent sub-networks found by co-clustering fc2.</summary>
public sealed class AblationCheckTests
{
    private static nn.Module<Tensor, Tensor> Architecture() =>
        nn.Sequential(("fc1", nn.Linear(4, 16)), ("relu1", nn.ReLU()), ("fc2", nn.Linear(16, 16)), ("relu2", nn.ReLU()), ("head", nn.Linear(16, 4)));

    private sealed class SubNetworkTarget(string weightsPath) : IAuditTarget
    {
        public IReadOnlyList<string> ClassNames { get; } = ["a", "b", "c", "d"];
        public string WeightsPath => weightsPath;
        public nn.Module<Tensor, Tensor> CreateModel() => Architecture();

        public IEnumerable<LabelledBatch> EvaluationBatches(int batchSize)
        {
            (float[,] inputs, long[] labels) = AblationNetworks.SubNetworkData(4);
            return TinyModels.Batches(inputs, labels, batchSize);
        }
    }

    private static AuditResult Run(params AuditCheckAttribute[] checks)
    {
        string path = TinyModels.TempFile(".weights");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        AblationNetworks.SubNetworks(classesPerCluster: 1).save(path);
        return new AuditEngine(CheckCatalog.Default).Run(new AuditRequest(new SubNetworkTarget(path), TinyModels.Weights, new InterpretabilityAuditAttribute("subnets") { Seed = 3, BatchSize = 6 },
            checks.Select((c, i) => new DeclaredCheck(c, new CheckDeclaration(c.GetType().Name, i))).ToList(), "cpu", "test"));
    }

    [Fact]
    public void Co_clustering_finds_the_sub_networks_and_the_judged_kind_decides_the_verdict()
    {
        AuditResult result = Run(
            new ModularityCheckAttribute("fc2") { MinClusterability = 0.9 },
            new AblationCheckAttribute("fc2") { Ablation = AblationKind.Zero, MinSpecialization = 0.99, MaxCollateralDrop = 0 },
            new AblationCheckAttribute("fc2") { MinSpecialization = 0.5, Severity = CheckSeverity.Warning });

        Assert.Equal(
            [("clusterability", "layer=fc2", Verdict.Pass), ("specialization", "layer=fc2,ablation=zero", Verdict.Pass),
             ("collateralDrop", "layer=fc2,ablation=zero", Verdict.Pass), ("specialization", "layer=fc2,ablation=mean", Verdict.Fail)],
            result.Checks.Select(c => (c.Metric, c.Scope, c.Verdict)));
        // Zero ablation: S = 1 for each sub-network. Mean ablation moves nothing: S = 1/4 (0/0 rule).
        Assert.Equal(1.0, result.Checks[1].Value);
        Assert.Equal(0.0, result.Checks[2].Value);
        Assert.Equal("specialization(layer=fc2,ablation=mean) = 0.25 < min 0.50", result.Checks[3].Message);
        Assert.Equal("IA1301", result.Checks[3].Code);
        Assert.Equal(AuditVerdict.Warn, result.Verdict);

        // One co-clustering shared with the modularity check, one ablation measurement for both checks.
        Assert.Equal(["ablation:fc2:k=4", "modularity:fc2:k=4"], result.Measurements.Keys.Order());
        var ablation = Assert.IsType<ClusterAblationResult>(result.Measurements["ablation:fc2:k=4"]);
        var modularity = Assert.IsType<LayerModularityResult>(result.Measurements["modularity:fc2:k=4"]);
        Assert.Equal("modularity:fc2:k=4", ablation.ClusterSource);
        Assert.Equal(Enumerable.Range(0, 4).Select(b => Enumerable.Range(4 * b, 4)).OrderBy(s => s.First()).SelectMany(s => s),
            ablation.Clusters.OrderBy(c => c[0]).SelectMany(c => c));
        Assert.All(ablation.Clusters.Select((units, c) => (units, c)), x => Assert.All(x.units, u => Assert.Equal(x.c, modularity.OutputClusters[u])));
        // Each cluster owns the class of its block: cluster of units 4y…4y+3 owns class y.
        Assert.Equal(Enumerable.Range(0, 4).Select(y => modularity.OutputClusters[4 * y]), ablation.Zero.Owners);
        Assert.Contains("measure:ablation:fc2:k=4", result.TimingsSeconds.Keys);
    }

    private sealed class SymmetricTarget(string weightsPath) : IAuditTarget
    {
        public IReadOnlyList<string> ClassNames { get; } = ["pos", "neg"];
        public string WeightsPath => weightsPath;
        public nn.Module<Tensor, Tensor> CreateModel() =>
            nn.Sequential(("fc", nn.Linear(2, 4)), ("relu", nn.ReLU()), ("head", nn.Linear(4, 2)));

        public IEnumerable<LabelledBatch> EvaluationBatches(int batchSize)
        {
            (float[,] inputs, long[] labels) = AblationNetworks.SymmetricData();
            return TinyModels.Batches(inputs, labels, batchSize);
        }
    }

    [Fact]
    public void A_cluster_that_lowers_a_class_it_does_not_own_fails_the_collateral_bound_with_IA1302()
    {
        string path = TinyModels.TempFile(".weights");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        AblationNetworks.SymmetricMeans().save(path);
        var check = new AblationCheckAttribute("fc") { Clusters = 2, Ablation = AblationKind.Zero, MaxCollateralDrop = 0.4 };
        AuditResult result = new AuditEngine(CheckCatalog.Default).Run(new AuditRequest(new SymmetricTarget(path),
            TinyModels.Weights, new InterpretabilityAuditAttribute("symmetric"), [new DeclaredCheck(check, new CheckDeclaration(nameof(AblationCheckAttribute), 0))], "cpu", "test"));

        // |W| of fc co-clusters into {0, 1} (reading x₀) and {2, 3} (reading x₁). Zeroing {0, 1} lowers
        // both classes by ½, zeroing {2, 3} lowers class "neg" by ½: "neg" has two equally harmful
        // clusters, goes to the lower index, and the other one's ½ on it is collateral.
        var ablation = Assert.IsType<ClusterAblationResult>(result.Measurements["ablation:fc:k=2"]);
        Assert.Equal([[0, 1], [2, 3]], ablation.Clusters.OrderBy(c => c[0]).Select(c => c.ToArray()));
        CheckResult collateral = Assert.Single(result.Checks);
        Assert.Equal((0.5, Verdict.Fail, "IA1302"), (collateral.Value, collateral.Verdict, collateral.Code));
        Assert.Equal("collateralDrop(layer=fc,ablation=zero,k=2) = 0.50 > max 0.40", collateral.Message);
    }

    [Theory]
    [InlineData("fc2", 4, 0.5, 10, "RandomSets = 10 is below 20")]
    [InlineData("fc2", 1, 0.5, 20, "Clusters = 1 is below 2")]
    [InlineData("fc2", 20, 0.5, 20, "Clusters = 20 exceeds the 16 output units of 'fc2'")]
    [InlineData("head", 5, 0.5, 20, "Clusters = 5 exceeds the 4 output units of 'head'")]
    [InlineData("fc2", 4, 1.5, 20, "MinSpecialization = 1.5 is outside [0, 1]")]
    [InlineData("fc2", 4, double.NaN, 20, "neither MinSpecialization nor MaxCollateralDrop is set")]
    [InlineData("relu2", 4, 0.5, 20, "layer 'relu2' cannot be co-clustered and ablated: it is a ReLU, which has no weight matrix")]
    public void Invalid_declarations_are_IA3013_before_anything_is_measured(string layer, int clusters, double min, int randomSets, string problem)
    {
        var e = Assert.Throws<AuditInputException>(() =>
            Run(new AblationCheckAttribute(layer) { Clusters = clusters, MinSpecialization = min, RandomSets = randomSets }));
        Assert.Equal("IA3013", e.Code);
        Assert.Contains(problem, e.Message);
        Assert.Equal(new CheckDeclaration(nameof(AblationCheckAttribute), 0), e.Declaration);
    }

    [Fact]
    public void An_unknown_ablation_kind_is_IA3013()
    {
        var e = Assert.Throws<AuditInputException>(() => Run(new AblationCheckAttribute("fc2") { MinSpecialization = 0.5, Ablation = (AblationKind)7 }));
        Assert.Equal("IA3013", e.Code);
        Assert.Contains("Ablation = 7 is not one of Zero, Mean", e.Message);
    }

    [Fact]
    public void An_unknown_layer_is_IA3006_at_the_declaration()
    {
        var e = Assert.Throws<AuditInputException>(() => Run(new AblationCheckAttribute("fc9") { MinSpecialization = 0.5 }));
        Assert.Equal("IA3006", e.Code);
        Assert.Contains("'fc2'", e.Message);
        Assert.Equal(new CheckDeclaration(nameof(AblationCheckAttribute), 0), e.Declaration);
    }

    [Fact]
    public void The_catalog_finds_the_ablation_check()
    {
        Assert.Contains(typeof(AblationCheckAttribute), CheckCatalog.Default.AttributeTypes);
    }
}
