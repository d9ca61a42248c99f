using System.Globalization;
using System.Text.Json;
using Snapshooter.Xunit;

namespace InterpAudit.EndToEnd.Tests;

/// <summary>
/// The sample's LIB figures as the audit wrote them to metrics.json, rounded to 4 significant digits:
/// the trained weights are byte-identical across retrains (seed 1) and the measurement is float64, so
/// any change to either shows up as a snapshot diff. Timings are left out; only the 16 largest
/// eigenvalues of each spectrum are kept, because the tail near τ · max is rounding noise.
/// </summary>
[Collection("sample")]
public sealed class SampleLibSnapshotTests(SampleProject sample)
{
    private static string Round(double value) => value.ToString("G4", CultureInfo.InvariantCulture);

    [Fact]
    public void The_sample_models_lib_figures_match_their_snapshot()
    {
        Assert.True(sample.FirstBuild.Succeeded, sample.FirstBuild.ToString());
        JsonElement measurements = JsonDocument.Parse(File.ReadAllText(Path.Combine(sample.Output, "metrics.json")))
            .RootElement.GetProperty("measurements");
        JsonElement lib = measurements.GetProperty("lib(layers=relu1,relu2,tau=1E-10)");

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
