using InterpAudit.Accuracy;
using InterpAudit.Capture;
using InterpAudit.Results;

namespace InterpAudit.Reporting.Tests;

/// <summary>
/// A fixed result object for the writers' snapshots: no clock, no machine paths — its paths are
/// repository-relative, as the runner hands results to the writers (OutputPaths).
/// </summary>
internal static class SampleResults
{
    public static AuditResult Create(string className = "seven", string layerName = "fc2")
    {
        var accuracy = new ClassAccuracyResult(["zero", className], [95, 83], [100, 100]);
        var declaration = new CheckDeclaration("AccuracyCheckAttribute", 0);
        CheckResult[] checks =
        [
            CheckResult.Judge(new MetricId("accuracy", "accuracy", "class=zero"), 0.95, accuracy.Intervals[0], new Threshold(BoundKind.Min, 0.9), CheckSeverity.Error, "IA1001", declaration)
                with
                {
                    Location = new SourceLocation("samples/MnistAudit/MnistAudit.cs", 14, 6),
                    Baseline = new BaselineComparison(0.99, new Interval(0.97, 1.0, "range of 5 calibration runs"), -0.04, 0.0351, 0.005, RegressionStatus.Accepted, "relabelled zeros <on purpose>")
                    {
                        Runs = 5, Spread = 0.012, Sigma = 0.0137, TrainingSigma = 0.0131, SamplingSigma = 0.004, PValue = 0.0021, Level = 0.05,
                        Noise = "training spread of 5 calibration runs; paired per-sample outcomes (100 samples)",
                    },
                },
            CheckResult.Judge(new MetricId("accuracy", "accuracy", $"class={className}"), 0.83, accuracy.Intervals[1], new Threshold(BoundKind.Min, 0.9), CheckSeverity.Error, "IA1001", declaration)
                with { Location = new SourceLocation("samples/MnistAudit/MnistAudit.cs", 14, 6) },
            CheckResult.Judge(new MetricId("accuracy", "accuracy", $"layer={layerName}"), 0.89, null, new Threshold(BoundKind.Min, 0.9), CheckSeverity.Warning, "IA1001", declaration with { Ordinal = 1 }),
        ];
        return new AuditResult(
            AuditResult.CurrentSchema, "mnist-mlp", "Samples.MnistAudit",
            new ModelIdentity("TorchSharp.Modules.Sequential", "samples/MnistAudit/obj/mnist-mlp.weights", new string('a', 64), 55050),
            new DatasetIdentity(200, new string('b', 64), [100, 100]) { Name = "MNIST", Split = "test" },
            ["zero", className], "cpu", 0, "0.1.0",
            new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero),
            new Dictionary<string, double> { ["load"] = 0.25, ["checks"] = 1.5 },
            checks,
            new Dictionary<string, object> { [Accuracy.Key] = accuracy })
        {
            MeasurementIds = [Accuracy],
            SourceRevision = new string('c', 40),
            SourceDirty = false,
            PathsRelativeTo = PathBase.Repository,
            BaselineFile = new BaselineFile("samples/MnistAudit/mnist-mlp.audit-baseline.json", new string('d', 64)),
            Runtime = new RuntimeVersions("0.107.0", "libtorch-cpu-linux-x64 2.10.0", ".NET 10.0.0", "Linux 6.1.0 (linux-x64)"),
            ConfigurationSha256 = new string('e', 64),
        };
    }

    private static readonly MeasurementId Accuracy = MeasurementId.Of("accuracy");

    public static string Render(IReportWriter writer, AuditResult result)
    {
        using var stream = new MemoryStream();
        writer.Write(result, stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
