using System.Text.Json;
using InterpAudit.Capture;
using InterpAudit.Reporting;
using InterpAudit.Results;

namespace InterpAudit.Runner.Tests;

public sealed class BaselineCommandTests
{
    private static string WriteMetrics(string directory)
    {
        var check = CheckResult.Judge("accuracy", "accuracy", "class=3", 0.875, new Interval(0.8, 0.93, "wilson-95"),
            new Threshold(BoundKind.Min, 0.8), CheckSeverity.Error, "IA1001", new CheckDeclaration("AccuracyCheckAttribute", 0));
        var result = new AuditResult(1, "digits", "T", new ModelIdentity("M", "w", "abc", 3), new DatasetIdentity(8, "def", [8]), ["3"], "cpu", 0, "0.1.0",
            DateTimeOffset.UnixEpoch, new Dictionary<string, double>(), [check], new Dictionary<string, object> { ["accuracy"] = new { overall = 0.875 } });
        string path = Path.Combine(directory, "metrics.json");
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

        int code = BaselineCommand.Accept(WriteMetrics(directory), directory, output);

        Assert.Equal(ExitCodes.Passed, code);
        JsonElement baseline = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "digits.audit-baseline.json"))).RootElement;
        JsonElement metric = baseline.GetProperty("metrics")[0];
        Assert.Equal(("class=3", 0.875, 0.8), (metric.GetProperty("scope").GetString(), metric.GetProperty("value").GetDouble(), metric.GetProperty("interval").GetProperty("lower").GetDouble()));
        Assert.Equal("abc", baseline.GetProperty("weightsSha256").GetString());
        Assert.False(File.Exists(Path.Combine(directory, "digits.audit-suppressions.json")));
        Assert.Contains("baseline accepted", output.ToString());
    }

    [Fact]
    public void Accepting_something_that_is_not_metrics_json_is_IA3021()
    {
        string directory = Directory.CreateTempSubdirectory("interpaudit-accept").FullName;
        string path = Path.Combine(directory, "metrics.json");
        File.WriteAllText(path, "not json");
        var output = new StringWriter();
        Assert.Equal(ExitCodes.BadInput, BaselineCommand.Accept(path, directory, output));
        Assert.Contains("error IA3021", output.ToString());
    }
}
