using System.Security.Cryptography;
using System.Text.Json;
using TorchSharp;
using static TorchSharp.torch;

namespace InterpAudit.EndToEnd.Tests;

/// <summary>The README's main job: the sample trains, audits, passes, and writes its outputs.</summary>
[Collection("sample")]
public sealed class SampleAuditTests(SampleProject sample)
{
    private JsonElement Metrics(string? output = null) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(output ?? sample.Output, "metrics.json"))).RootElement;

    /// <summary>
    /// The plain model's modularity check is report-only (a warning): it is not trained for
    /// modularity and its fc2 co-clusters near chance, so the audit warns and the build passes.
    /// </summary>
    [Fact]
    public void The_sample_builds_trains_audits_and_passes()
    {
        Assert.True(sample.FirstBuild.Succeeded, sample.FirstBuild.ToString());
        // The plain model reports its (expected) shortfall in clusterability as a warning; the modular one passes.
        Assert.Contains("[mnist-mlp] WARN: 34/35 checks passed", sample.FirstBuild.Output);
        Assert.Matches(@"MnistMlpAudit\.cs\(\d+,\d+\): warning IA1201: \[mnist-mlp\] clusterability\(layer=fc2\) = 0\.\d+ is below its minimum 0\.90\.", sample.FirstBuild.Output);
        Assert.Contains("[mnist-mlp-modular] PASS: 25/25 checks passed", sample.FirstBuild.Output);
        // The committed baselines exist and the retrained models match them.
        Assert.DoesNotContain("IA2001", sample.FirstBuild.Output);
        Assert.DoesNotContain("IA2002", sample.FirstBuild.Output);
        Assert.True(File.Exists(Path.Combine(sample.Output, "report.html")));
        Assert.True(File.Exists(Path.Combine(sample.ModularOutput, "report.html")));
    }

    /// <summary>
    /// The enmeshment loss does what the sample claims: the modular variant's fc2 co-clusters far
    /// above the plain model's and above its own shuffle null, for at most 1.5 points of accuracy.
    /// </summary>
    [Fact]
    public void The_modular_variant_is_modular_for_at_most_one_and_a_half_points_of_accuracy()
    {
        JsonElement plain = Metrics(), modular = Metrics(sample.ModularOutput);
        JsonElement plainFc2 = plain.GetProperty("measurements").GetProperty("modularity:fc2:k=4");
        JsonElement modularFc2 = modular.GetProperty("measurements").GetProperty("modularity:fc2:k=4");

        Assert.True(modularFc2.GetProperty("clusterability").GetDouble() >= 0.9);
        Assert.True(plainFc2.GetProperty("clusterability").GetDouble() < 0.6);
        Assert.True(modularFc2.GetProperty("normalizedClusterability").GetDouble() > 0.8);
        Assert.True(Math.Abs(plainFc2.GetProperty("normalizedClusterability").GetDouble()) < 0.2);
        double plainAccuracy = plain.GetProperty("measurements").GetProperty("accuracy").GetProperty("overall").GetDouble();
        double modularAccuracy = modular.GetProperty("measurements").GetProperty("accuracy").GetProperty("overall").GetDouble();
        Assert.True(modularAccuracy >= plainAccuracy - 0.015, $"modular {modularAccuracy:P2}, plain {plainAccuracy:P2}");
    }

    /// <summary>index.html in the output root puts the two models side by side: ECS bars per class for each.</summary>
    [Fact]
    public void Index_html_shows_both_sample_models_side_by_side()
    {
        Assert.True(sample.FirstBuild.Succeeded, sample.FirstBuild.ToString());
        string index = File.ReadAllText(Path.Combine(Path.GetDirectoryName(sample.Output)!, "index.html"));
        Assert.Contains("""<a href="mnist-mlp/report.html">mnist-mlp</a>""", index);
        Assert.Contains("""<a href="mnist-mlp-modular/report.html">mnist-mlp-modular</a>""", index);
        Assert.Equal(20, System.Text.RegularExpressions.Regex.Matches(index, "<rect x=\"120\" y=").Count); // 10 classes × 2 models
        Assert.Contains("id=\"ablation\"", index);
        Assert.Contains("id=\"modularity\"", index);
        Assert.Contains("audits side by side: ", sample.FirstBuild.Output);
    }

    [Fact]
    public void Metrics_json_identifies_the_model_the_data_and_the_run()
    {
        JsonElement metrics = Metrics();
        Assert.Equal(4, metrics.GetProperty("schema").GetInt32());
        // As the audit declares them (MnistMlpAudit.cs), and the committed baseline it was compared with.
        Assert.Equal(("MNIST", "evaluation (2,000 of the 10,000 digits)"),
            (metrics.GetProperty("dataset").GetProperty("name").GetString(), metrics.GetProperty("dataset").GetProperty("split").GetString()));
        Assert.Equal("samples/MnistAudit/mnist-mlp.audit-baseline.json", metrics.GetProperty("baselineFile").GetProperty("path").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(DotnetBuild.RepoRoot, "samples", "MnistAudit", "mnist-mlp.audit-baseline.json")))),
            metrics.GetProperty("baselineFile").GetProperty("sha256").GetString());
        Assert.Equal("mnist-mlp", metrics.GetProperty("audit").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(sample.Weights))),
            metrics.GetProperty("model").GetProperty("weightsSha256").GetString());
        Assert.Equal(55_050, metrics.GetProperty("model").GetProperty("parameters").GetInt64()); // 784·64+64 + 64·64+64 + 64·10+10
        Assert.Equal(2_000, metrics.GetProperty("dataset").GetProperty("sampleCount").GetInt64());
        Assert.Equal("cpu", metrics.GetProperty("device").GetString());
        Assert.Equal(0, metrics.GetProperty("seed").GetInt32());
        Assert.True(metrics.GetProperty("timingsSeconds").GetProperty("load").GetDouble() > 0);
        // Every check passes except the report-only (warning) modularity check of the plain model.
        Assert.All(metrics.GetProperty("checks").EnumerateArray().Where(c => c.GetProperty("severity").GetString() == "error"),
            c => Assert.Equal("pass", c.GetProperty("verdict").GetString()));
        // "verdict" is the gate's judgment (warn for a failed warning), "thresholdVerdict" the threshold's alone.
        JsonElement warning = Assert.Single(metrics.GetProperty("checks").EnumerateArray(), c => c.GetProperty("verdict").GetString() != "pass");
        Assert.Equal("warning", warning.GetProperty("severity").GetString());
        Assert.Equal(("modularity", "clusterability", "layer=fc2", "warn", "fail", "IA1201"),
            (warning.GetProperty("family").GetString(), warning.GetProperty("metric").GetString(), warning.GetProperty("scope").GetString(),
             warning.GetProperty("verdict").GetString(), warning.GetProperty("thresholdVerdict").GetString(), warning.GetProperty("code").GetString()));
    }

    /// <summary>
    /// Recomputes every class's accuracy without InterpAudit or the sample's data code: the raw npm
    /// JSON digits, the split rule the sample documents (every 5th digit in label order, position
    /// % 5 == 4, goes to evaluation), and a plain TorchSharp MLP with the sample's layer names.
    /// </summary>
    [Fact]
    public void Per_class_accuracies_match_an_independent_recomputation()
    {
        using var model = nn.Sequential(("fc1", nn.Linear(784, 64)), ("relu1", nn.ReLU()), ("fc2", nn.Linear(64, 64)),
            ("relu2", nn.ReLU()), ("fc3", nn.Linear(64, 10)));
        model.load(sample.Weights);
        model.eval();

        var correct = new long[10];
        var total = new long[10];
        int position = 0;
        for (int label = 0; label < 10; label++)
        {
            using JsonDocument json = JsonDocument.Parse(File.ReadAllText(Path.Combine(sample.Digits, $"{label}.json")));
            float[] flat = json.RootElement.GetProperty("data").EnumerateArray().Select(v => (float)(Math.Round(v.GetDouble() * 255) / 255)).ToArray();
            var evaluation = new List<float>();
            for (int image = 0; image < flat.Length / 784; image++, position++)
                if (position % 5 == 4)
                    evaluation.AddRange(flat.AsSpan(image * 784, 784).ToArray());
            int n = evaluation.Count / 784;
            using (no_grad())
            using (Tensor predicted = model.forward(tensor(evaluation.ToArray(), [n, 784])).argmax(1))
                correct[label] = predicted.eq(label).sum().item<long>();
            total[label] = n;
        }

        JsonElement accuracy = Metrics().GetProperty("measurements").GetProperty("accuracy");
        Assert.Equal(total, accuracy.GetProperty("total").EnumerateArray().Select(e => e.GetInt64()));
        Assert.Equal(correct, accuracy.GetProperty("correct").EnumerateArray().Select(e => e.GetInt64()));
        Assert.Equal((double)correct.Sum() / total.Sum(), accuracy.GetProperty("overall").GetDouble(), 12);
    }

    /// <summary>
    /// Built twice: the first settles whatever another test of the collection changed (the gate tests
    /// build variants with other settings, which re-runs the audit once), the second must do nothing.
    /// </summary>
    [Fact]
    public void A_rebuild_with_nothing_changed_skips_training_and_the_audit()
    {
        Assert.True(DotnetBuild.Run(sample.Directory).Succeeded);
        DotnetBuild.Outcome build = DotnetBuild.Run(sample.Directory, "-v:n");
        Assert.True(build.Succeeded, build.ToString());
        Assert.Contains("Skipping target \"MnistTrain\" because all output files are up-to-date", build.Output);
        Assert.Contains("Skipping target \"MnistTrainModular\" because all output files are up-to-date", build.Output);
        Assert.Contains("Skipping target \"InterpAudit\" because all output files are up-to-date", build.Output);
        Assert.DoesNotContain("interpaudit: [mnist-mlp]", build.Output);
    }

    [Fact]
    public void Clean_removes_the_audit_outputs_and_the_next_build_writes_them_again()
    {
        DotnetBuild.Outcome clean = DotnetBuild.Run(sample.Directory, "-t:Clean");
        Assert.True(clean.Succeeded, clean.ToString());
        Assert.False(Directory.Exists(sample.Output));

        DotnetBuild.Outcome build = DotnetBuild.Run(sample.Directory);
        Assert.True(build.Succeeded, build.ToString());
        Assert.True(File.Exists(Path.Combine(sample.Output, "metrics.json")));
    }
}
