using System.Globalization;
using InterpAudit.Lib;
using Snapshooter.Xunit;
using TorchSharp;
using static TorchSharp.torch;
using static InterpAudit.Tests.Lib.LibNetworks;

namespace InterpAudit.Tests.Lib;

/// <summary>
/// LIB figures of a seeded synthetic 12-10-10-4 ReLU network (float64, System.Random weights and data),
/// rounded to 4 significant digits, so that a change to the measurement shows up as a snapshot diff.
/// A synthetic model rather than the MNIST sample's weights: those exist only after the sample's build
/// has trained it, which would make this unit test depend on a build outside its project.
/// </summary>
public sealed class LibSnapshotTests
{
    private static string Round(double value) => value.ToString("G4", CultureInfo.InvariantCulture);

    // A mass that is zero in exact arithmetic comes out as float64 round-off (about 1e-31 here), whose
    // digits change with the BLAS kernel and its alignment: snapshotting them made the test flaky.
    private static string RoundMass(double mass, double pairMass) =>
        Math.Abs(mass) <= RoundOff * pairMass ? "0 (round-off)" : Round(mass);

    private const double RoundOff = 1e-20;

    [Fact]
    public void Lib_figures_of_a_seeded_network_match_their_snapshot()
    {
        var random = new Random(2024);
        var model = nn.Sequential(
            ("fc1", Linear(Gaussian(random, 10, 12, 0.4), Vector(random, 10))), ("relu1", nn.ReLU()),
            ("fc2", Linear(Gaussian(random, 10, 10, 0.4), Vector(random, 10))), ("relu2", nn.ReLU()),
            ("fc3", Linear(Gaussian(random, 4, 10, 0.4), Vector(random, 4))));
        LibResult result = Measure(model, Gaussian(random, 1000, 12), ["relu1", "relu2"]).Result;

        var figures = new
        {
            Tau = Round(result.Tau),
            Layers = result.Layers.Select(l => new
            {
                l.Layer, l.Units, l.Samples, l.LibFeatures, l.LibFeatures99, l.PcaFeatures, l.PcaFeatures99,
                LibSpectrum = l.LibSpectrum.Select(Round).ToArray(),
                PcaSpectrum = l.PcaSpectrum.Select(Round).ToArray(),
            }).ToArray(),
            Interactions = result.Interactions.Select(i => new
            {
                i.FromLayer, i.ToLayer, i.LibEdges90, i.PcaEdges90, SparsityGain = Round(i.SparsityGain),
                LibEdgeMass = Round(i.LibEdgeMass), PcaEdgeMass = Round(i.PcaEdgeMass),
                LibConstantEdgeMass = RoundMass(i.LibConstantEdgeMass, i.LibEdgeMass), PcaConstantEdgeMass = RoundMass(i.PcaConstantEdgeMass, i.PcaEdgeMass),
                LibTopEdges = i.LibTopEdges.Take(5).Select(e => $"{e.Target}<-{e.Source}: {Round(e.Mass)}").ToArray(),
            }).ToArray(),
        };
        Snapshot.Match(figures);

        // relu2 → output is fc3 alone, an affine map: its linearisation is exact at every sample, so
        // nothing is left to the constant feature's edges (spec: E_i0). relu1 → relu2 passes a ReLU, so
        // there the constant edges hold a real share.
        LibInteractionResult affine = result.Interactions.Single(i => i.ToLayer == "output");
        Assert.InRange(affine.LibConstantEdgeMass, 0, RoundOff * affine.LibEdgeMass);
        Assert.InRange(affine.PcaConstantEdgeMass, 0, RoundOff * affine.PcaEdgeMass);
        LibInteractionResult throughRelu = result.Interactions.Single(i => i.ToLayer == "relu2");
        Assert.True(throughRelu.LibConstantEdgeMass > 0.1 * throughRelu.LibEdgeMass, $"{throughRelu.LibConstantEdgeMass} of {throughRelu.LibEdgeMass}");
    }
}
