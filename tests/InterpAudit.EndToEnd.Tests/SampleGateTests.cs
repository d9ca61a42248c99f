using System.Text.Json;

namespace InterpAudit.EndToEnd.Tests;

/// <summary>
/// The sample's calibrated baselines as a gate: a fair retrain on another processor's kernels passes,
/// and degraded models — the plain MLP trained for 8 epochs instead of 25, the modular variant trained
/// with λ = 0.2 instead of 0.7 — fail the build. Each variant is trained and audited beside the default
/// models (MnistWeightsDirectory), with its outputs in its own folder, so the sample's own outputs and
/// weights stay as they are.
/// </summary>
[Collection("sample")]
public sealed class SampleGateTests(SampleProject sample)
{
    private DotnetBuild.Outcome BuildVariant(string name, string audit, IReadOnlyDictionary<string, string> environment, params string[] properties)
    {
        string directory = $"obj/gate-{name}/";
        return DotnetBuild.Run(sample.Directory, environment,
            [$"-p:MnistWeightsDirectory={directory}", $"-p:InterpAuditAudit={audit}", $"-p:InterpAuditOutputPath={directory}out/", .. properties]);
    }

    private JsonElement Metrics(string name, string audit) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(sample.Directory, "obj", $"gate-{name}", "out", audit, "metrics.json"))).RootElement;

    [Fact]
    public void A_retrain_under_the_portable_kernels_passes_the_calibrated_baseline()
    {
        DotnetBuild.Outcome build = BuildVariant("portable-kernels", "mnist-mlp", new Dictionary<string, string> { ["ATEN_CPU_CAPABILITY"] = "default" });
        Assert.True(build.Succeeded, build.ToString());
        Assert.DoesNotContain("error IA", build.Output);
        Assert.Contains("[mnist-mlp] WARN: 34/35 checks passed", build.Output);
        Assert.NotEqual(Metrics("portable-kernels", "mnist-mlp").GetProperty("model").GetProperty("weightsSha256").GetString(),
            JsonDocument.Parse(File.ReadAllText(Path.Combine(sample.Output, "metrics.json"))).RootElement.GetProperty("model").GetProperty("weightsSha256").GetString());
    }

    [Fact]
    public void The_plain_model_trained_for_8_epochs_fails_the_build()
    {
        DotnetBuild.Outcome build = BuildVariant("epochs8", "mnist-mlp", new Dictionary<string, string>(), "-p:MnistEpochs=8");
        Assert.False(build.Succeeded, build.ToString());
        Assert.Matches(@"MnistMlpAudit\.cs\(\d+,\d+\): error IA(2001|1\d\d\d): \[mnist-mlp\]", build.Output);
        Assert.Contains("[mnist-mlp] FAIL", build.Output);
    }

    [Fact]
    public void The_modular_model_trained_with_lambda_0_2_fails_the_build()
    {
        DotnetBuild.Outcome build = BuildVariant("lambda0.2", "mnist-mlp-modular", new Dictionary<string, string>(), "-p:MnistLambda=0.2");
        Assert.False(build.Succeeded, build.ToString());
        Assert.Matches(@"MnistModularMlpAudit\.cs\(\d+,\d+\): error IA(2001|1\d\d\d): \[mnist-mlp-modular\]", build.Output);
        Assert.Contains("[mnist-mlp-modular] FAIL", build.Output);
    }
}
