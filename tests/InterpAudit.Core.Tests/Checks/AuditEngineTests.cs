using InterpAudit.Accuracy;
using InterpAudit.Auditing;
using InterpAudit.Checks;
using InterpAudit.Diagnostics;
using InterpAudit.Results;
using TorchSharp;
using static TorchSharp.torch;

namespace InterpAudit.Tests.Checks;

public sealed class AuditEngineTests
{
    private static readonly float[,] Inputs = { { 2, 1 }, { 0, 3 }, { 5, 4 }, { 1, 1.5f }, { -1, -2 } };

    private sealed class ComparatorTarget(string weightsPath) : IAuditTarget
    {
        public IReadOnlyList<string> ClassNames { get; } = ["left", "right"];
        public string WeightsPath => weightsPath;
        public nn.Module<Tensor, Tensor> CreateModel() => nn.Sequential(("fc", nn.Linear(2, 2)));
        public IEnumerable<LabelledBatch> EvaluationBatches(int batchSize) => TinyModels.Batches(Inputs, [1, 1, 1, 0, 0], batchSize);
    }

    private sealed class UnimplementedCheckAttribute : AuditCheckAttribute;

    private static ComparatorTarget SavedComparator()
    {
        string path = TinyModels.TempFile(".weights");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        TinyModels.Comparator().save(path);
        return new ComparatorTarget(path);
    }

    private static AuditResult Run(IAuditTarget target, params AuditCheckAttribute[] checks) =>
        Run(target, new InterpretabilityAuditAttribute("comparator"), checks);

    private static AuditResult Run(IAuditTarget target, InterpretabilityAuditAttribute audit, params AuditCheckAttribute[] checks) =>
        new AuditEngine(CheckCatalog.Default).Run(new AuditRequest(target, TinyModels.Weights, audit,
            checks.Select((c, i) => new DeclaredCheck(c, new CheckDeclaration(c.GetType().Name, i))).ToList(), "cpu", "test"));

    [Fact]
    public void The_data_set_is_named_as_declared_or_by_the_method_it_came_from_and_the_configuration_is_hashed()
    {
        ComparatorTarget target = SavedComparator();
        var check = new AccuracyCheckAttribute { MinOverall = 0.5 };
        AuditResult named = Run(target, new InterpretabilityAuditAttribute("comparator") { Dataset = "Comparisons", Split = "test" }, check);
        Assert.Equal(("Comparisons", "test"), (named.Dataset.Name, named.Dataset.Split));

        AuditResult unnamed = Run(target, check);
        Assert.Equal((typeof(ComparatorTarget).FullName + ".EvaluationBatches", "evaluation"), (unnamed.Dataset.Name, unnamed.Dataset.Split));
        // The name is not the data: the fingerprint of the same batches is the same.
        Assert.Equal(named.Dataset.Sha256, unnamed.Dataset.Sha256);

        Assert.Equal(AuditConfiguration.Sha256(new InterpretabilityAuditAttribute("comparator"), [check]), unnamed.ConfigurationSha256);
        Assert.NotEqual(unnamed.ConfigurationSha256, named.ConfigurationSha256);
    }

    [Theory]
    [InlineData("", null)]
    [InlineData(null, " ")]
    public void A_blank_data_set_name_or_split_is_IA3013_before_anything_is_measured(string? dataset, string? split)
    {
        var e = Assert.Throws<AuditInputException>(() =>
            Run(SavedComparator(), new InterpretabilityAuditAttribute("comparator") { Dataset = dataset, Split = split }, new AccuracyCheckAttribute { MinOverall = 0.5 }));
        Assert.Equal(DiagnosticCodes.InvalidCheckDeclaration, e.Code);
        Assert.Contains(dataset is null ? "Split is blank" : "Dataset is blank", e.Message);
    }

    [Fact]
    public void Per_class_checks_judge_every_class_and_record_provenance()
    {
        ComparatorTarget target = SavedComparator();
        AuditResult result = Run(target, new AccuracyCheckAttribute { Min = 0.6 }, new AccuracyCheckAttribute { MinOverall = 0.6 });

        Assert.Equal(["accuracy(class=left) = 0.50 < min 0.60", "accuracy(class=right) = 0.67 within min 0.60", "accuracy(overall) = 0.60 within min 0.60"],
            result.Checks.Select(c => c.Message));
        Assert.Equal(AuditVerdict.Fail, result.Verdict);
        Assert.Equal(5, result.Dataset.SampleCount);
        Assert.Equal(6, result.Model.Parameters);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(target.WeightsPath))), result.Model.WeightsSha256);
        Assert.Equal("cpu", result.Device);
        Assert.IsType<ClassAccuracyResult>(result.Measurements["accuracy"]);
    }

    [Fact]
    public void Each_result_names_the_measurements_its_declaration_used_whose_times_the_audit_records()
    {
        // Two declarations share the cached accuracy measurement: both name it, and it was timed once.
        AuditResult result = Run(SavedComparator(), new AccuracyCheckAttribute { Min = 0.6 }, new AccuracyCheckAttribute { MinOverall = 0.6 });
        Assert.All(result.Checks, c => Assert.Equal(["accuracy"], c.MeasurementKeys));
        Assert.True(result.TimingsSeconds.ContainsKey("measure:accuracy"));
    }

    [Fact]
    public void A_check_on_one_class_judges_only_that_class()
    {
        AuditResult result = Run(SavedComparator(), new AccuracyCheckAttribute { Class = "right", Min = 0.6 });
        Assert.Equal("class=right", Assert.Single(result.Checks).Scope);
    }

    [Theory]
    [InlineData(1.5, null, "Min = 1.5 is outside [0, 1]")]
    [InlineData(0.5, "middle", "Class = \"middle\" is not a class name")]
    [InlineData(double.NaN, null, "neither Min nor MinOverall is set")]
    public void Invalid_declarations_are_IA3013_before_anything_is_measured(double min, string? className, string problem)
    {
        var e = Assert.Throws<AuditInputException>(() => Run(SavedComparator(), new AccuracyCheckAttribute { Min = min, Class = className }));
        Assert.Equal("IA3013", e.Code);
        Assert.Contains(problem, e.Message);
        Assert.Equal(new CheckDeclaration(nameof(AccuracyCheckAttribute), 0), e.Declaration);
    }

    [Fact]
    public void An_attribute_no_check_implements_is_IA3013()
    {
        var e = Assert.Throws<AuditInputException>(() => Run(SavedComparator(), new UnimplementedCheckAttribute()));
        Assert.Equal("IA3013", e.Code);
        Assert.Contains("AccuracyCheckAttribute", e.Message);
    }

    [Fact]
    public void The_catalog_finds_every_check_family_by_reflection()
    {
        Assert.Contains(typeof(AccuracyCheckAttribute), CheckCatalog.Default.AttributeTypes);
    }
}
