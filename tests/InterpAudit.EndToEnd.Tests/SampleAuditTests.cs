using System.Security.Cryptography;
using System.Text.Json;
using TorchSharp;
using static TorchSharp.torch;

namespace InterpAudit.EndToEnd.Tests;

/// <summary>The README's main job: the sample trains, audits, passes, and writes its outputs.</summary>
[Collection("sample")]
public sealed class SampleAuditTests(SampleProject sample)
{
    private JsonElement Metrics() => JsonDocument.Parse(File.ReadAllText(Path.Combine(sample.Output, "metrics.json"))).RootElement;

    [Fact]
    public void The_sample_builds_trains_audits_and_passes()
    {
        Assert.True(sample.FirstBuild.Succeeded, sample.FirstBuild.ToString());
        Assert.Contains("[mnist-mlp] PASS: 21/21 checks passed", sample.FirstBuild.Output);
        // The committed baseline (mnist-mlp.audit-baseline.json) exists and the retrained model matches it.
        Assert.DoesNotContain("IA2001", sample.FirstBuild.Output);
        Assert.DoesNotContain("IA2002", sample.FirstBuild.Output);
        Assert.True(File.Exists(Path.Combine(sample.Output, "report.html")));
    }

    [Fact]
    public void Metrics_json_identifies_the_model_the_data_and_the_run()
    {
        JsonElement metrics = Metrics();
        Assert.Equal(1, metrics.GetProperty("schema").GetInt32());
        Assert.Equal("mnist-mlp", metrics.GetProperty("audit").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(sample.Weights))),
            metrics.GetProperty("model").GetProperty("weightsSha256").GetString());
        Assert.Equal(55_050, metrics.GetProperty("model").GetProperty("parameters").GetInt64()); // 784·64+64 + 64·64+64 + 64·10+10
        Assert.Equal(2_000, metrics.GetProperty("dataset").GetProperty("sampleCount").GetInt64());
        Assert.Equal("cpu", metrics.GetProperty("device").GetString());
        Assert.Equal(0, metrics.GetProperty("seed").GetInt32());
        Assert.True(metrics.GetProperty("timingsSeconds").GetProperty("load").GetDouble() > 0);
        Assert.All(metrics.GetProperty("checks").EnumerateArray(), c => Assert.Equal("pass", c.GetProperty("verdict").GetString()));
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

    [Fact]
    public void A_rebuild_with_nothing_changed_skips_training_and_the_audit()
    {
        DotnetBuild.Outcome build = DotnetBuild.Run(sample.Directory, "-v:n");
        Assert.True(build.Succeeded, build.ToString());
        Assert.Contains("Skipping target \"MnistTrain\" because all output files are up-to-date", build.Output);
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
