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
        Assert.Equal(3, root.GetProperty("schema").GetInt32());
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

    [Fact]
    public void A_metric_that_could_not_be_computed_is_written_as_NaN_not_dropped()
    {
        var result = SampleResults.Create();
        result = result with { Checks = [result.Checks[0] with { Value = double.NaN }] };
        string text = SampleResults.Render(new MetricsJsonWriter(), result);
        Assert.Contains("\"value\": \"NaN\"", text);
    }
}
