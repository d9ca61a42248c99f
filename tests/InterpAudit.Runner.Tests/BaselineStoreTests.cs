using InterpAudit.Baselines;
using InterpAudit.Diagnostics;
using InterpAudit.Runner.Baselines;

namespace InterpAudit.Runner.Tests;

public sealed class BaselineStoreTests
{
    /// <summary>A committed baseline of InterpAudit 0.1 keeps working after an upgrade, as a single-run baseline.</summary>
    [Fact]
    public void A_schema_1_baseline_is_read_as_a_single_calibration_run()
    {
        string directory = Directory.CreateTempSubdirectory("interpaudit-store").FullName;
        File.WriteAllText(Path.Combine(directory, "digits.audit-baseline.json"), """
            { "schema": 1, "audit": "digits", "toolVersion": "0.1.0", "modelType": "M", "weightsSha256": "abc", "sampleCount": 8, "datasetSha256": "def",
              "metrics": [ { "family": "accuracy", "metric": "accuracy", "scope": "class=3", "value": 0.875,
                             "interval": { "lower": 0.8, "upper": 0.93, "method": "wilson-95" }, "bound": "min" } ] }
            """);
        AuditBaseline baseline = new BaselineStore(directory).Load("digits")!;
        BaselineMetric metric = Assert.Single(baseline.Metrics);
        Assert.Equal(("accuracy", "class=3", 0.875, 0.065), (metric.Metric, metric.Scope, metric.Mean, Math.Round(metric.HalfWidths[0], 12)));
        Assert.Equal("abc", Assert.Single(baseline.Runs).WeightsSha256);
    }

    [Fact]
    public void A_baseline_of_an_unknown_schema_is_IA3021()
    {
        string directory = Directory.CreateTempSubdirectory("interpaudit-store").FullName;
        File.WriteAllText(Path.Combine(directory, "digits.audit-baseline.json"), """{ "schema": 7, "audit": "digits" }""");
        var e = Assert.Throws<AuditInputException>(() => new BaselineStore(directory).Load("digits"));
        Assert.Equal(DiagnosticCodes.BaselineFileInvalid, e.Code);
        Assert.Contains("schema 7 (supported: 1 and 2)", e.Message);
    }
}
