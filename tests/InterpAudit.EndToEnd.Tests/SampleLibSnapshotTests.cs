using System.Globalization;
using System.Text.Json;
using Snapshooter.Xunit;

namespace InterpAudit.EndToEnd.Tests;

/// <summary>
/// The LIB figures of the sample's plain model as the audit writes them to metrics.json, rounded to 4
/// significant digits — of the committed weights in tests/fixtures/MnistWeights, not of a model trained
/// during the test: the same seed trains another model on another processor (libtorch picks its CPU
/// kernels by the processor), while the audit of fixed weights is float64 and agrees to these digits
/// under libtorch's native and portable kernels (ATEN_CPU_CAPABILITY=default). Timings are left out;
/// only the 16 largest eigenvalues of each spectrum are kept, because the tail near τ · max is rounding noise.
/// </summary>
[Collection("sample")]
public sealed class SampleLibSnapshotTests(SampleProject sample)
{
    private static string Round(double value) => value.ToString("G4", CultureInfo.InvariantCulture);

    [Fact]
    public void The_sample_models_lib_figures_match_their_snapshot()
    {
        Assert.True(sample.FirstBuild.Succeeded, sample.FirstBuild.ToString());
        (DotnetBuild.Outcome audit, string output) = sample.AuditWeights(SampleProject.FixedWeightsDirectory, "mnist-mlp");
        Assert.True(audit.Succeeded, audit.ToString());
        JsonElement metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "metrics.json"))).RootElement;
        Assert.Equal("d36b9c8549fc4d4e8ecdada7016909c26bd6247afca5d60685909813798e8d5b", metrics.GetProperty("model").GetProperty("weightsSha256").GetString());
        JsonElement measurements = metrics.GetProperty("measurements");
        JsonElement lib = measurements.GetProperty("lib:relu1,relu2:tau=1E-10");

        var figures = new
        {
            InputSamples = lib.GetProperty("inputSamples").GetInt64(),
            Layers = lib.GetProperty("layers").EnumerateArray().Select(l => new
            {
                Layer = l.GetProperty("layer").GetString(),
                Units = l.GetProperty("units").GetInt32(),
                LibFeatures = l.GetProperty("libFeatures").GetInt32(),
                LibFeatures99 = l.GetProperty("libFeatures99").GetInt32(),
                PcaFeatures = l.GetProperty("pcaFeatures").GetInt32(),
                PcaFeatures99 = l.GetProperty("pcaFeatures99").GetInt32(),
                LibSpectrum = Largest(l.GetProperty("libSpectrum")),
                PcaSpectrum = Largest(l.GetProperty("pcaSpectrum")),
            }).ToArray(),
            Interactions = lib.GetProperty("interactions").EnumerateArray().Select(i => new
            {
                From = i.GetProperty("fromLayer").GetString(),
                To = i.GetProperty("toLayer").GetString(),
                LibEdges90 = i.GetProperty("libEdges90").GetInt32(),
                PcaEdges90 = i.GetProperty("pcaEdges90").GetInt32(),
                SparsityGain = Round(i.GetProperty("sparsityGain").GetDouble()),
                LibEdgeMass = Round(i.GetProperty("libEdgeMass").GetDouble()),
                PcaEdgeMass = Round(i.GetProperty("pcaEdgeMass").GetDouble()),
            }).ToArray(),
        };
        Snapshot.Match(figures);
    }

    private static string[] Largest(JsonElement spectrum) =>
        spectrum.EnumerateArray().Select(v => v.GetDouble()).Take(16).Select(Round).ToArray();
}
