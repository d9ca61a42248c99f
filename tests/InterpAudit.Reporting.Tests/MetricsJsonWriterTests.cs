using System.Text.Json;
using Snapshooter.Xunit;

namespace InterpAudit.Reporting.Tests;

public sealed class MetricsJsonWriterTests
{
    [Fact]
    public void Metrics_json_matches_its_snapshot()
    {
        Snapshot.Match(SampleResults.Render(new MetricsJsonWriter(), SampleResults.Create()));
    }

    [Fact]
    public void Metrics_json_is_versioned_and_carries_every_value_and_verdict()
    {
        using JsonDocument json = JsonDocument.Parse(SampleResults.Render(new MetricsJsonWriter(), SampleResults.Create()));
        JsonElement root = json.RootElement;
        Assert.Equal(4, root.GetProperty("schema").GetInt32());
        JsonElement id = Assert.Single(root.GetProperty("measurementIds").EnumerateArray());
        Assert.Equal("accuracy", id.GetProperty("family").GetString());
        Assert.True(root.GetProperty("measurements").TryGetProperty("accuracy", out _)); // keyed by MeasurementId.Key
        Assert.Equal(new string('a', 64), root.GetProperty("model").GetProperty("weightsSha256").GetString());
        Assert.Equal(200, root.GetProperty("dataset").GetProperty("sampleCount").GetInt64());
        JsonElement failed = root.GetProperty("checks")[1];
        Assert.Equal(0.83, failed.GetProperty("value").GetDouble());
        Assert.Equal("fail", failed.GetProperty("verdict").GetString());
        Assert.Equal(14, failed.GetProperty("location").GetProperty("line").GetInt32());
        Assert.Equal(0.83, root.GetProperty("measurements").GetProperty("accuracy").GetProperty("accuracy")[1].GetDouble());
    }

    /// <summary>Schema 4's provenance, under the names docs/report-template.md and the README promise.</summary>
    [Fact]
    public void Metrics_json_carries_the_provenance_to_reproduce_the_run_and_no_source_root()
    {
        using JsonDocument json = JsonDocument.Parse(SampleResults.Render(new MetricsJsonWriter(), SampleResults.Create()));
        JsonElement root = json.RootElement;
        Assert.Equal("samples/MnistAudit/mnist-mlp.audit-baseline.json", root.GetProperty("baselineFile").GetProperty("path").GetString());
        Assert.Equal(new string('d', 64), root.GetProperty("baselineFile").GetProperty("sha256").GetString());
        Assert.Equal("MNIST", root.GetProperty("dataset").GetProperty("name").GetString());
        Assert.Equal("test", root.GetProperty("dataset").GetProperty("split").GetString());
        JsonElement runtime = root.GetProperty("runtime");
        Assert.Equal(["torchSharp", "libtorch", "dotnet", "os"], runtime.EnumerateObject().Select(p => p.Name));
        Assert.Equal("libtorch-cpu-linux-x64 2.10.0", runtime.GetProperty("libtorch").GetString());
        Assert.False(root.GetProperty("sourceDirty").GetBoolean());
        Assert.Equal(new string('e', 64), root.GetProperty("configurationSha256").GetString());
        Assert.Equal("repository", root.GetProperty("pathsRelativeTo").GetString());
        Assert.False(root.TryGetProperty("sourceRoot", out _));
    }

    [Fact]
    public void A_metric_that_could_not_be_computed_is_written_as_NaN_not_dropped()
    {
        var result = SampleResults.Create();
        result = result with { Checks = [result.Checks[0] with { Value = double.NaN }] };
        string text = SampleResults.Render(new MetricsJsonWriter(), result);
        Assert.Contains("\"value\": \"NaN\"", text);
    }
}
