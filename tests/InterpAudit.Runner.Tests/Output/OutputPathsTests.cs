using System.Text.Json;
using InterpAudit.Accuracy;
using InterpAudit.Capture;
using InterpAudit.Reporting;
using InterpAudit.Results;
using InterpAudit.Runner.Baselines;
using InterpAudit.Runner.Output;

namespace InterpAudit.Runner.Tests.Output;

/// <summary>
/// The outputs carry no absolute path of the build machine: a result whose every path is absolute,
/// written as the runner writes it, leaves the root's prefix in no file — the paths are relative to it.
/// </summary>
public sealed class OutputPathsTests
{
    private static AuditResult Absolute(string root, PathBase pathBase)
    {
        string Under(params string[] parts) => Path.Combine([root, .. parts]);
        var accuracy = new ClassAccuracyResult(["zero", "one"], [9, 7], [10, 10]);
        var location = new SourceLocation(Under("samples", "Model", "Audits.cs"), 12, 2);
        CheckResult[] checks =
        [
            CheckResult.Judge(new MetricId("accuracy", "accuracy", "class=zero"), 0.9, accuracy.Intervals[0], new Threshold(BoundKind.Min, 0.5), CheckSeverity.Error, "IA1001",
                new CheckDeclaration("AccuracyCheckAttribute", 0)) with { Location = location },
            // A failure and a warning, so that SARIF, the failure messages and summary.md's sentences all carry the location.
            CheckResult.Judge(new MetricId("accuracy", "accuracy", "class=one"), 0.7, accuracy.Intervals[1], new Threshold(BoundKind.Min, 0.8), CheckSeverity.Error, "IA1001",
                new CheckDeclaration("AccuracyCheckAttribute", 0)) with { Location = location },
            CheckResult.Judge(new MetricId("accuracy", "accuracy", ""), 0.8, null, new Threshold(BoundKind.Min, 0.9), CheckSeverity.Warning, "IA1001",
                new CheckDeclaration("AccuracyCheckAttribute", 1)) with { Location = location },
        ];
        MeasurementId id = MeasurementId.Of("accuracy");
        return new AuditResult(AuditResult.CurrentSchema, "paths", "Model.Audits",
            new ModelIdentity("Sequential", Under("samples", "Model", "bin", "model.weights"), new string('a', 64), 10),
            new DatasetIdentity(20, new string('b', 64), [10, 10]) { Name = "Model.Audits.EvaluationBatches", Split = "evaluation" },
            ["zero", "one"], "cpu", 0, "0.1.0", new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero),
            new Dictionary<string, double> { ["load"] = 0.1 }, checks, new Dictionary<string, object> { [id.Key] = accuracy })
        {
            MeasurementIds = [id],
            SourceRoot = root,
            PathsRelativeTo = pathBase,
            BaselineFile = new BaselineFile(Under("samples", "Model", "paths.audit-baseline.json"), new string('d', 64)),
        };
    }

    [Theory]
    [InlineData(PathBase.Repository)]
    [InlineData(PathBase.Project)]
    public void No_output_contains_the_root_and_every_path_is_relative_to_it(PathBase pathBase)
    {
        // A root name no template or writer could produce by itself.
        string root = Path.Combine(Directory.CreateTempSubdirectory("interpaudit-machine-root").FullName, "build agent #7");
        string output = Directory.CreateTempSubdirectory("interpaudit-paths-out").FullName;
        AuditOutputs outputs = AuditOutputs.Create(output, null);

        IReadOnlyList<string> written = outputs.Write(Absolute(root, pathBase));
        outputs.RecordRun(new LastRun("paths", DateTimeOffset.UnixEpoch, "fail", ["IA1001"]));
        Assert.NotNull(outputs.WriteComparison());

        string[] files = Directory.GetFiles(output, "*", SearchOption.AllDirectories);
        Assert.Equal(["index.html", "junit.xml", "last-run.json", "metrics.json", "report.html", "results.sarif", "summary.md"],
            files.Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(5, written.Count);
        // The root as a path, as a file URI, percent-encoded and as the HTML and JSON encoders may write it.
        string[] forms = [root, root.Replace('\\', '/'), new Uri(root).AbsoluteUri, Uri.EscapeDataString(root), "interpaudit-machine-root", "build agent #7", "build agent &#35;7"];
        foreach (string file in files)
        {
            string text = File.ReadAllText(file);
            foreach (string form in forms)
                Assert.False(text.Contains(form, StringComparison.OrdinalIgnoreCase), $"{Path.GetFileName(file)} contains '{form}'");
        }

        using JsonDocument metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "paths", "metrics.json")));
        JsonElement json = metrics.RootElement;
        Assert.Equal("samples/Model/bin/model.weights", json.GetProperty("model").GetProperty("weightsPath").GetString());
        Assert.Equal("samples/Model/Audits.cs", json.GetProperty("checks")[0].GetProperty("location").GetProperty("file").GetString());
        Assert.Equal("samples/Model/paths.audit-baseline.json", json.GetProperty("baselineFile").GetProperty("path").GetString());
        Assert.Equal(pathBase == PathBase.Repository ? "repository" : "project", json.GetProperty("pathsRelativeTo").GetString());
        Assert.Contains("file=\"samples/Model/Audits.cs\"", File.ReadAllText(Path.Combine(output, "paths", "junit.xml")));
        Assert.Contains("\"uri\": \"samples/Model/Audits.cs\"", File.ReadAllText(Path.Combine(output, "paths", "results.sarif")));
    }

    /// <summary>A shard's file leaves the machine too (a CI artifact): its audit and deferred-check locations are relative like every check's.</summary>
    [Fact]
    public void A_shard_file_holds_its_audit_and_deferred_locations_relative_to_the_root()
    {
        string root = Path.Combine(Directory.CreateTempSubdirectory("interpaudit-machine-root").FullName, "build agent #7");
        string output = Directory.CreateTempSubdirectory("interpaudit-paths-out").FullName;
        string source = Path.Combine(root, "samples", "Model", "Audits.cs");
        AuditResult whole = Absolute(root, PathBase.Repository);
        AuditResult shard = whole with
        {
            Shard = new ShardInfo(1, 2, new ShardIdentity("paths", "Sequential", new string('a', 64), 10, new string('b', 64), 20, 0, "0.1.0", "cpu"),
                ["accuracy"], [new CheckDeclaration("AccuracyCheckAttribute", 0)], [new PlannedUnit("accuracy", 1, 1, [0], ["accuracy"])],
                new Dictionary<string, string> { ["accuracy"] = typeof(ClassAccuracyResult).FullName! },
                [new DeferredCheck(0, "[AccuracyCheck(MinOverall = 0.5)]") { Location = new SourceLocation(source, 30, 2) }])
            {
                AuditLocation = new SourceLocation(source, 10, 2),
            },
        };

        string file = AuditOutputs.Create(output, null).WriteShard(shard);

        string text = File.ReadAllText(file);
        Assert.DoesNotContain("interpaudit-machine-root", text);
        using JsonDocument json = JsonDocument.Parse(text);
        JsonElement info = json.RootElement.GetProperty("shard");
        Assert.Equal("samples/Model/Audits.cs", info.GetProperty("auditLocation").GetProperty("file").GetString());
        Assert.Equal(10, info.GetProperty("auditLocation").GetProperty("line").GetInt32());
        Assert.Equal("samples/Model/Audits.cs", info.GetProperty("deferred")[0].GetProperty("location").GetProperty("file").GetString());
    }

    [Theory]
    [InlineData("/r/oot", "/r/oot/a/b.cs", "a/b.cs")]
    [InlineData("/r/oot", "/r/other/b.cs", "../other/b.cs")]
    [InlineData(null, "/r/oot/a/b.cs", "b.cs")]
    [InlineData("/r/oot", "a/b.cs", "a/b.cs")]
    public void A_path_is_relative_to_the_root_or_its_file_name_when_there_is_none(string? root, string path, string expected)
    {
        string Native(string p) => p.Replace('/', Path.DirectorySeparatorChar);
        Assert.Equal(expected, OutputPaths.Relative(Native(path), root is null ? null : Native(root)));
    }

    /// <summary>A calibration run written by the previous version (schema 3, with its absolute sourceRoot) is still read.</summary>
    [Fact]
    public void A_schema_3_metrics_json_is_still_read_as_a_calibration_run()
    {
        string directory = Directory.CreateTempSubdirectory("interpaudit-schema3").FullName;
        string path = Path.Combine(directory, "metrics.json");
        using (FileStream stream = File.Create(path))
            new MetricsJsonWriter().Write(OutputPaths.Relative(Absolute("/machine", PathBase.Repository)), stream);
        var node = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        node["schema"] = 3;
        node["sourceRoot"] = "/machine";
        foreach (string added in (string[])["sourceDirty", "pathsRelativeTo", "baselineFile", "runtime", "configurationSha256"]) node.Remove(added);
        File.WriteAllText(path, node.ToJsonString());

        AuditResult run = MetricsFile.Read(path);
        Assert.Equal(3, run.Schema);
        Assert.Equal(3, run.Checks.Count);
        Assert.Null(run.Runtime);

        node["schema"] = 2;
        File.WriteAllText(path, node.ToJsonString());
        var e = Assert.Throws<InterpAudit.Diagnostics.AuditInputException>(() => MetricsFile.Read(path));
        Assert.Contains("schema 3 or 4", e.Message);
    }
}
