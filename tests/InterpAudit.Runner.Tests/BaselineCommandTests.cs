using System.Text.Json;
using InterpAudit.Capture;
using InterpAudit.Reporting;
using InterpAudit.Results;

namespace InterpAudit.Runner.Tests;

public sealed class BaselineCommandTests
{
    private static string WriteMetrics(string directory, double value = 0.875, string weights = "abc", string dataset = "def", string audit = "digits")
    {
        var check = CheckResult.Judge(new MetricId("accuracy", "accuracy", "class=3"), value, new Interval(value - 0.075, value + 0.055, "wilson-95"),
            new Threshold(BoundKind.Min, 0.8), CheckSeverity.Error, "IA1001", new CheckDeclaration("AccuracyCheckAttribute", 0));
        var result = new AuditResult(AuditResult.CurrentSchema, audit, "T", new ModelIdentity("M", "w", weights, 3), new DatasetIdentity(8, dataset, [8]), ["3"], "cpu", 0, "0.1.0",
            DateTimeOffset.UnixEpoch, new Dictionary<string, double>(), [check], new Dictionary<string, object> { ["accuracy"] = new { overall = value } });
        string path = Path.Combine(Directory.CreateTempSubdirectory("run").FullName, "metrics.json");
        using (FileStream stream = File.Create(path))
            new MetricsJsonWriter().Write(result, stream);
        return path;
    }

    [Fact]
    public void Accept_turns_a_metrics_file_into_the_baseline_and_clears_suppressions()
    {
        string directory = Directory.CreateTempSubdirectory("interpaudit-accept").FullName;
        File.WriteAllText(Path.Combine(directory, "digits.audit-suppressions.json"), "[]");
        var output = new StringWriter();

        int code = BaselineCommand.Accept([WriteMetrics(directory)], directory, output);

        Assert.Equal(ExitCodes.Passed, code);
        JsonElement baseline = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "digits.audit-baseline.json"))).RootElement;
        Assert.Equal(2, baseline.GetProperty("schema").GetInt32());
        JsonElement metric = baseline.GetProperty("metrics")[0];
        Assert.Equal("class=3", metric.GetProperty("scope").GetString());
        Assert.Equal([0.875], metric.GetProperty("values").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal(0.065, metric.GetProperty("halfWidths")[0].GetDouble(), 12);
        Assert.Equal("abc", baseline.GetProperty("runs")[0].GetProperty("weightsSha256").GetString());
        Assert.False(File.Exists(Path.Combine(directory, "digits.audit-suppressions.json")));
        Assert.Contains("baseline accepted from 1 run(s)", output.ToString());
    }

    [Fact]
    public void Several_runs_calibrate_one_baseline_and_the_summary_shows_each_bounds_margin()
    {
        string directory = Directory.CreateTempSubdirectory("interpaudit-accept").FullName;
        var output = new StringWriter();
        int code = BaselineCommand.Accept([WriteMetrics(directory, 0.86, "a"), WriteMetrics(directory, 0.88, "b"), WriteMetrics(directory, 0.90, "c")], directory, output);

        Assert.Equal(ExitCodes.Passed, code);
        JsonElement metric = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "digits.audit-baseline.json"))).RootElement.GetProperty("metrics")[0];
        Assert.Equal([0.86, 0.88, 0.90], metric.GetProperty("values").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal(0.88, metric.GetProperty("mean").GetDouble(), 12);
        Assert.Equal(0.02, metric.GetProperty("spread").GetDouble(), 12);
        // Margin of the min 0.80 bound: (0.88 − 0.80)/0.02 = 4 spreads.
        Assert.Matches(@"accuracy\(class=3\)\s+min 0\.80\s+3\s+0\.8800\s+0\.0200\s+0\.8600\s+0\.9000\s+4\.0 s", output.ToString());
        Assert.Contains("baseline accepted from 3 run(s)", output.ToString());
    }

    [Fact]
    public void Runs_on_other_data_are_refused_with_IA3030_and_nothing_is_written()
    {
        string directory = Directory.CreateTempSubdirectory("interpaudit-accept").FullName;
        var output = new StringWriter();
        Assert.Equal(ExitCodes.BadInput, BaselineCommand.Accept([WriteMetrics(directory), WriteMetrics(directory, dataset: "other")], directory, output));
        Assert.Contains("error IA3030", output.ToString());
        Assert.False(File.Exists(Path.Combine(directory, "digits.audit-baseline.json")));
    }

    [Fact]
    public void Accepting_something_that_is_not_metrics_json_is_IA3021()
    {
        string directory = Directory.CreateTempSubdirectory("interpaudit-accept").FullName;
        string path = Path.Combine(directory, "metrics.json");
        File.WriteAllText(path, "not json");
        var output = new StringWriter();
        Assert.Equal(ExitCodes.BadInput, BaselineCommand.Accept([path], directory, output));
        Assert.Contains("error IA3021", output.ToString());
    }
}
