using System.Text.Json;
using System.Text.Json.Nodes;
using AuditFixture;
using InterpAudit.Diagnostics;
using TorchSharp;

namespace InterpAudit.Runner.Tests;

/// <summary>
/// Issue #19: the fixture's "sharded" audit, run whole and as 1, 2 and 3 shards merged, gives the same
/// metrics.json (timings aside); a missing, duplicated or foreign shard fails with its code. In
/// process, with this assembly (which compiles the fixture's audits) as the audited one.
/// </summary>
public sealed class ShardingTests
{
    private const string Audit = "sharded";
    private static readonly string Assembly = typeof(ShardedAudit).Assembly.Location;

    [Fact]
    public void One_two_and_three_shards_merged_give_the_unsharded_metrics_and_bad_shard_sets_fail_with_their_codes()
    {
        string project = ProjectWithWeights(seed: 1);
        JsonObject whole = WholeAgainstItsBaseline(project, Audit);

        var shardFiles = new Dictionary<int, string[]>();
        foreach (int count in new[] { 1, 2, 3 })
        {
            shardFiles[count] = Enumerable.Range(1, count).Select(i => RunShard(project, i, count)).ToArray();
            (int merged, string mergeLog) = Merge(project, $"merged-{count}", shardFiles[count]);
            Assert.True(merged == ExitCodes.Passed, mergeLog);
            JsonObject result = Metrics(Path.Combine(project, $"merged-{count}", Audit, "metrics.json"));
            Assert.Equal(WithoutTimings(whole), WithoutTimings(result));
            foreach (string output in new[] { "report.html", "results.sarif", "junit.xml", "summary.md" })
                Assert.True(File.Exists(Path.Combine(project, $"merged-{count}", Audit, output)), output);
        }
        // Three shards really split the audit: each ran some of the work units and none ran all; the
        // checks are the shards' own plus those of split units, which only merge judges.
        JsonObject[] threeShards = shardFiles[3].Select(Metrics).ToArray();
        int units = threeShards[0]["shard"]!["plan"]!.AsArray().Count;
        Assert.All(threeShards, m => Assert.InRange(m["shard"]!["units"]!.AsArray().Count, 1, units - 1));
        int[] deferred = threeShards[0]["shard"]!["deferred"]!.AsArray().Select(d => (int)d!["declaration"]!).ToArray();
        int judgedAtMerge = whole["checks"]!.AsArray().Count(c => deferred.Contains(DeclarationPosition(threeShards[0], c!)));
        Assert.Equal(whole["checks"]!.AsArray().Count, threeShards.Sum(m => m["checks"]!.AsArray().Count) + judgedAtMerge);
        Assert.True(ShardsOfParts(threeShards[0], "circuit:exact").Count > 1, "three shards split the circuit measurement's classes");

        string[] three = shardFiles[3];
        AssertMergeFails(project, "missing", DiagnosticCodes.ShardMissing, "shard 2/3", three[0], three[2]);
        AssertMergeFails(project, "duplicated", DiagnosticCodes.ShardDuplicated, "exactly once", three[0], three[1], three[2], three[1]);
        string otherProject = ProjectWithWeights(seed: 2);
        string foreign = RunShard(otherProject, 3, 3);
        AssertMergeFails(project, "foreign", DiagnosticCodes.ShardsMismatched, "weights SHA-256", three[0], three[1], foreign);
        // Nor does a shard pass for a complete run where one is expected: a baseline from part of an audit.
        var accept = new StringWriter();
        Assert.Equal(ExitCodes.BadInput, BaselineCommand.Accept([three[0]], project, accept));
        Assert.Contains($"error {DiagnosticCodes.ShardsMismatched}: [{Audit}] '{three[0]}' is shard 1/3 of an audit, not a complete audit's metrics.json", accept.ToString());
        AssertMergeFails(project, "complete", DiagnosticCodes.ShardsMismatched, "not a shard", three[0], three[1], Path.Combine(project, "whole", Audit, "metrics.json"));
    }

    /// <summary>
    /// Issue #19 point 1: where ECS is the costliest work, as in the sample, 2 and 3 shards each take
    /// some of its classes, and merge assembles them into the unsharded measurement and judges it the
    /// same (per-class and mean ECS, the agreement, baseline comparisons); a part missing or given twice
    /// is IA3042 or IA3043, naming the part's classes.
    /// </summary>
    [Fact]
    public void Ecs_classes_split_over_shards_merge_into_the_unsharded_metrics_and_a_missing_or_duplicated_part_is_named()
    {
        const string audit = "sharded-circuits";
        string project = ProjectWithWeights(seed: 1);
        JsonObject whole = WholeAgainstItsBaseline(project, audit);

        string[] three = [];
        foreach (int count in new[] { 2, 3 })
        {
            string[] files = Enumerable.Range(1, count).Select(i => RunShard(project, i, count, audit)).ToArray();
            JsonObject[] shards = files.Select(Metrics).ToArray();
            // The plan gives classes of one ECS measurement to different shards, and each shard's partial
            // measurement holds exactly its classes, never all three.
            Dictionary<int, int[]> classesByShard = ShardsOfParts(shards[0], "circuit:exact");
            Assert.True(classesByShard.Count > 1, $"{count} shards: the classes of circuit:exact all went to one shard");
            Assert.Equal([0, 1, 2], classesByShard.Values.SelectMany(c => c).Order());
            foreach ((int shard, int[] classes) in classesByShard)
                Assert.Equal(classes.Select(c => new[] { "a", "b", "c" }[c]),
                    shards[shard - 1]["measurements"]!["circuit:exact"]!["classes"]!.AsArray().Select(c => (string)c!["className"]!));
            // No shard judges a split unit's checks: every circuit check is judged once, by merge.
            Assert.All(shards, m => Assert.DoesNotContain(m["checks"]!.AsArray(), c => (string)c!["family"]! == "circuit"));

            (int merged, string mergeLog) = Merge(project, $"merged-{count}", files);
            Assert.True(merged == ExitCodes.Passed, mergeLog);
            Assert.Equal(WithoutTimings(whole), WithoutTimings(Metrics(Path.Combine(project, $"merged-{count}", audit, "metrics.json"))));
            if (count == 3) three = files;
        }

        JsonObject plan = Metrics(three[1]);
        string partOnTwo = plan["shard"]!["plan"]!.AsArray().Select(u => u!.AsObject())
            .First(u => (int)u["shard"]! == 2 && u["part"] is JsonObject).AsObject()["id"]!.GetValue<string>();
        Assert.Matches(@"\(class(es)? \d", partOnTwo);
        AssertMergeFails(project, "missing-part", DiagnosticCodes.ShardMissing, $"'{partOnTwo}'", [three[0], three[2]], audit);
        AssertMergeFails(project, "duplicated-part", DiagnosticCodes.ShardDuplicated, $"'{partOnTwo}'", [three[0], three[1], three[2], three[1]], audit);

        // A part that holds other classes than its units say (here: one dropped from the file) is not merged.
        JsonObject edited = Metrics(three[1]);
        JsonArray circuits = edited["measurements"]!["circuit:exact"]!["classes"]!.AsArray();
        string dropped = (string)circuits[0]!["className"]!;
        circuits.RemoveAt(0);
        string forged = Path.Combine(project, "forged", Path.GetFileName(three[1]));
        Directory.CreateDirectory(Path.GetDirectoryName(forged)!);
        File.WriteAllText(forged, edited.ToJsonString());
        int[] left = ShardsOfParts(edited, "circuit:exact")[2].Where(c => c != Array.IndexOf(new[] { "a", "b", "c" }, dropped)).ToArray();
        AssertMergeFails(project, "forged-part", DiagnosticCodes.ShardsMismatched,
            $"its part of measurement 'circuit:exact' holds indices {(left.Length == 0 ? "none" : string.Join(", ", left))}, but its work units are indices",
            [three[0], forged, three[2]], audit);
    }

    /// <summary>
    /// Issue #19 point 1, variant ranges: cluster ablation's clusters go to different shards, each shard
    /// holding its clusters' figures and the co-clustering whole; merge assembles them into the unsharded
    /// measurement, keeps one co-clustering, and judges the modularity and ablation checks as the
    /// unsharded audit does. A part that holds other clusters than its units say is not merged.
    /// </summary>
    [Fact]
    public void Ablation_clusters_split_over_shards_merge_into_the_unsharded_metrics_and_a_forged_part_is_refused()
    {
        const string audit = "sharded-ablation";
        string project = ProjectWithWeights(seed: 1);
        JsonObject whole = WholeAgainstItsBaseline(project, audit);
        string ablation = whole["measurements"]!.AsObject().Select(m => m.Key).Single(k => k.StartsWith("ablation:"));
        string modularity = whole["measurements"]!.AsObject().Select(m => m.Key).Single(k => k.StartsWith("modularity:"));

        string[] three = [];
        foreach (int count in new[] { 2, 3 })
        {
            string[] files = Enumerable.Range(1, count).Select(i => RunShard(project, i, count, audit)).ToArray();
            JsonObject[] shards = files.Select(Metrics).ToArray();
            JsonObject unit = shards[0]["shard"]!["plan"]!.AsArray().Select(u => u!.AsObject()).First(u => u["part"] is JsonObject);
            Assert.Equal("cluster", (string)unit["part"]!["axis"]!);
            Assert.Equal([modularity], unit["prerequisites"]!.AsArray().Select(k => (string)k!));
            Dictionary<int, int[]> clustersByShard = ShardsOfParts(shards[0], ablation);
            Assert.True(clustersByShard.Count > 1, $"{count} shards: the clusters of {ablation} all went to one shard");
            Assert.Equal([0, 1, 2, 3], clustersByShard.Values.SelectMany(c => c).Order());
            foreach ((int shard, int[] clusters) in clustersByShard)
            {
                JsonObject part = shards[shard - 1]["measurements"]!.AsObject();
                Assert.Equal(clusters, part[ablation]!["partClusters"]!.AsArray().Select(c => (int)c!));
                Assert.Equal(clusters.Length, part[ablation]!["zero"]!["delta"]!.AsArray().Count);
                // The co-clustering is taken whole by every shard that ablates, and is the unsharded one.
                Assert.Equal(whole["measurements"]![modularity]!.ToJsonString(), part[modularity]!.ToJsonString());
            }
            Assert.All(shards, m => Assert.DoesNotContain(m["checks"]!.AsArray(), c => (string)c!["family"]! is "ablation" or "modularity"));

            (int merged, string mergeLog) = Merge(project, $"merged-{count}", files);
            Assert.True(merged == ExitCodes.Passed, mergeLog);
            Assert.Equal(WithoutTimings(whole), WithoutTimings(Metrics(Path.Combine(project, $"merged-{count}", audit, "metrics.json"))));
            if (count == 3) three = files;
        }

        // A part that drops one of its clusters' rows is refused, naming the clusters it holds and should hold.
        JsonObject forgedShard = Metrics(three[1]);
        int[] expected = ShardsOfParts(forgedShard, ablation)[2];
        JsonObject measurement = forgedShard["measurements"]![ablation]!.AsObject();
        measurement["partClusters"] = new JsonArray(expected.Skip(1).Select(c => (JsonNode)c).ToArray());
        foreach (string kind in new[] { "zero", "mean" })
            foreach (string list in new[] { "delta", "specialization", "randomSpecialization", "percentile" })
                measurement[kind]![list]!.AsArray().RemoveAt(0);
        string forged = Path.Combine(project, "forged", Path.GetFileName(three[1]));
        Directory.CreateDirectory(Path.GetDirectoryName(forged)!);
        File.WriteAllText(forged, forgedShard.ToJsonString());
        AssertMergeFails(project, "forged-part", DiagnosticCodes.ShardsMismatched,
            $"its part of measurement '{ablation}' holds indices {(expected.Length == 1 ? "none" : string.Join(", ", expected.Skip(1)))}, but its work units are indices {string.Join(", ", expected)}",
            [three[0], forged, three[2]], audit);
    }

    [Fact]
    public void A_shard_never_fails_the_build_on_a_threshold_but_its_merge_does()
    {
        string project = ProjectWithWeights(seed: 1);
        string shard = RunShard(project, 1, 1, "failing");
        (int code, string log) = Merge(project, "merged", [shard]);
        Assert.Equal(ExitCodes.ChecksFailed, code);
        Assert.Contains("error IA1001", log);
    }

    [Theory]
    [InlineData("0/2", "an index from 1 to 2, not 0")]
    [InlineData("3/2", "an index from 1 to 2, not 3")]
    [InlineData("a/b", "two whole numbers")]
    [InlineData("1/0", "a shard count of at least 1, not 0")]
    public void A_shard_that_is_not_i_of_n_is_IA3040_before_any_audit_runs(string shard, string found)
    {
        string project = Directory.CreateTempSubdirectory("interpaudit-shard").FullName;
        (int code, string log) = Run(new AuditOptions(Assembly, project, Path.Combine(project, "out"), OnlyAudit: Audit, Shard: shard));
        Assert.Equal(ExitCodes.BadInput, code);
        string line = Assert.Single(log.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"error {DiagnosticCodes.InvalidShard}: Shard \"{shard}\" is not usable: expected i/n with 1 ≤ i ≤ n", line);
        Assert.Contains(found, line);
        Assert.False(Directory.Exists(Path.Combine(project, "out", Audit)));
    }

    [Fact]
    public void A_shard_cannot_accept_a_baseline_it_holds_only_part_of()
    {
        string project = Directory.CreateTempSubdirectory("interpaudit-shard").FullName;
        (int code, string log) = Run(new AuditOptions(Assembly, project, Path.Combine(project, "out"), OnlyAudit: Audit, AcceptBaseline: true, Shard: "1/2"));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains($"error {DiagnosticCodes.InvalidShard}: --shard 1/2 with --accept-baseline", log);
        Assert.Empty(Directory.GetFiles(project, "*.audit-baseline.json"));
    }

    private static void AssertMergeFails(string project, string name, string code, string text, params string[] files) =>
        AssertMergeFails(project, name, code, text, files, Audit);

    private static void AssertMergeFails(string project, string name, string code, string text, string[] files, string audit)
    {
        (int exit, string log) = Merge(project, name, files);
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains($"error {code}: [{audit}] ", log);
        Assert.Contains(text, log);
        Assert.DoesNotContain("   at ", log);
        // Nothing half-merged: no outputs for the audit.
        Assert.False(File.Exists(Path.Combine(project, name, audit, "metrics.json")), log);
    }

    /// <summary>Per shard, the indices (classes, clusters) the plan of <paramref name="shard"/> gives it of the split unit measuring <paramref name="key"/>.</summary>
    private static Dictionary<int, int[]> ShardsOfParts(JsonObject shard, string key) =>
        shard["shard"]!["plan"]!.AsArray().Select(u => u!.AsObject())
            .Where(u => u["part"] is JsonObject && u["measurements"]!.AsArray().Any(m => (string)m! == key))
            .GroupBy(u => (int)u["shard"]!)
            .ToDictionary(g => g.Key, g => g.SelectMany(u => Enumerable.Range((int)u["part"]!["first"]!, (int)u["part"]!["last"]! - (int)u["part"]!["first"]! + 1)).Order().ToArray());

    private static int DeclarationPosition(JsonObject shard, JsonNode check) =>
        shard["shard"]!["declarations"]!.AsArray().Select((d, i) => (d, i))
            .First(x => JsonNode.DeepEquals(x.d, check["declaration"])).i;

    private static string RunShard(string project, int index, int count, string audit = Audit)
    {
        (int code, string log) = Run(new AuditOptions(Assembly, project, Path.Combine(project, $"shards-{count}"),
            OnlyAudit: audit, BaselineDirectory: project, Shard: $"{index}/{count}", Threads: 1));
        Assert.True(code == ExitCodes.Passed, log);
        string file = Path.Combine(project, $"shards-{count}", audit, $"metrics.shard-{index}-of-{count}.json");
        Assert.True(File.Exists(file), log);
        Assert.False(File.Exists(Path.Combine(project, $"shards-{count}", audit, "report.html")));
        return file;
    }

    /// <summary>
    /// The audit unsharded, twice: the second run compares with the baseline the first one wrote, so its
    /// checks carry baseline comparisons, which the merges, judged against the same baseline, must carry too.
    /// </summary>
    private static JsonObject WholeAgainstItsBaseline(string project, string audit)
    {
        Assert.Equal(0, Audit_(project, "whole-first", audit).Code);
        (int code, string log) = Audit_(project, "whole", audit);
        Assert.True(code == ExitCodes.Passed, log);
        JsonObject whole = Metrics(Path.Combine(project, "whole", audit, "metrics.json"));
        Assert.Contains(whole["checks"]!.AsArray(), c => c!["baseline"] is JsonObject);
        return whole;
    }

    private static (int Code, string Log) Audit_(string project, string output, string audit = Audit) =>
        Run(new AuditOptions(Assembly, project, Path.Combine(project, output), OnlyAudit: audit, BaselineDirectory: project, Threads: 1));

    private static (int Code, string Log) Merge(string project, string output, string[] files)
    {
        var writer = new StringWriter();
        int code = MergeCommand.Run(new MergeOptions(files, Path.Combine(project, output), BaselineDirectory: project), writer);
        return (code, writer.ToString());
    }

    private static (int Code, string Log) Run(AuditOptions options) => AuditCommandTests.Run(options);

    /// <summary>A project folder with the fixture's weights, as its build's MakeFixtureWeights writes them.</summary>
    private static string ProjectWithWeights(int seed)
    {
        string project = Directory.CreateTempSubdirectory("interpaudit-shards").FullName;
        Directory.CreateDirectory(Path.Combine(project, "obj"));
        torch.manual_seed(seed);
        using var model = FixtureModel.Create();
        model.save(Path.Combine(project, "obj", "fixture.weights"));
        return project;
    }

    private static JsonObject Metrics(string path) => JsonNode.Parse(File.ReadAllText(path))!.AsObject();

    /// <summary>The file without what depends on when and how fast it ran (LIB records its own seconds per layer).</summary>
    private static string WithoutTimings(JsonObject metrics)
    {
        var copy = metrics.DeepClone().AsObject();
        copy.Remove("timingsSeconds");
        copy.Remove("startedAt");
        RemoveTimes(copy);
        return copy.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static void RemoveTimes(JsonNode? node)
    {
        if (node is JsonObject obj)
        {
            foreach (string key in new[] { "seconds", "accumulationSeconds", "accumulationGflopsPerSecond" }) obj.Remove(key);
            foreach (var (_, child) in obj) RemoveTimes(child);
        }
        else if (node is JsonArray array)
            foreach (JsonNode? child in array) RemoveTimes(child);
    }
}
