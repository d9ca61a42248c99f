using InterpAudit.Capture;
using InterpAudit.Checks;
using InterpAudit.Diagnostics;
using InterpAudit.Information;
using InterpAudit.Results;
using MathNet.Numerics;
using MathNet.Numerics.Distributions;
using TorchSharp;
using static TorchSharp.torch;

namespace InterpAudit.Tests.Information;

/// <summary>
/// InformationCheck and RedundancyCheck through the real pipeline: a tiny TorchSharp model, an
/// <see cref="ActivationStream"/> in batches, forward hooks, per-channel spatial averaging, the check
/// catalog. The convolution copies the image into channel 0 and outputs a constant 0 in channel 1, so
/// the expected figure can be derived without the library: rank the image means, take normal scores,
/// and apply spec step 5 for one dimension by hand.
/// </summary>
public sealed class InformationCheckEndToEndTests
{
    private const int Samples = 300, Side = 4;
    private static readonly string[] ClassNames = ["cat", "dog"];

    private readonly float[] _pixels;
    private readonly long[] _labels;

    public InformationCheckEndToEndTests()
    {
        var random = new Random(17);
        _labels = Enumerable.Range(0, Samples).Select(i => (long)(i % 2)).ToArray();
        _pixels = new float[Samples * Side * Side];
        for (int s = 0; s < Samples; s++)
            for (int p = 0; p < Side * Side; p++)
                _pixels[s * Side * Side + p] = (float)(0.3 * _labels[s] + Normal.Sample(random, 0, 1));
    }

    private static nn.Module<Tensor, Tensor> Model()
    {
        var conv = nn.Conv2d(1, 2, 1);
        using (no_grad())
        {
            conv.weight!.copy_(tensor(new float[] { 1, 0 }, 2, 1, 1, 1));
            conv.bias!.zero_();
        }
        var model = nn.Sequential(("conv", conv), ("relu", nn.ReLU()), ("flatten", nn.Flatten()), ("fc", nn.Linear(2 * Side * Side, 2)));
        model.eval();
        return model;
    }

    private IEnumerable<LabelledBatch> Batches(int batchSize)
    {
        using Tensor inputs = tensor(_pixels, Samples, 1, Side, Side);
        using Tensor labels = tensor(_labels);
        for (int start = 0; start < Samples; start += batchSize)
        {
            int length = Math.Min(batchSize, Samples - start);
            yield return new LabelledBatch(inputs.narrow(0, start, length).clone(), labels.narrow(0, start, length).clone());
        }
    }

    private CheckContext Context() =>
        new(new ActivationStream(Model(), Batches, CPU, batchSize: 64, classCount: 2), ClassNames, seed: 0);

    /// <summary>
    /// Spec step 1, then the Gaussian-mixture estimate with d = 1, written out independently of the
    /// library: one Gaussian per class, the mixture's entropy by the unscented transform, whose sigma
    /// points in one dimension are m_c ± σ_c: I = −Σ_c w_c ½ Σ_± ln p(m_c ± σ_c) − Σ_c w_c ½ ln(2πe σ_c²).
    /// </summary>
    private double ExpectedLabelBits()
    {
        double[] means = Enumerable.Range(0, Samples)
            .Select(s => Enumerable.Range(0, Side * Side).Average(p => (double)_pixels[s * Side * Side + p])).ToArray();
        int[] order = Enumerable.Range(0, Samples).OrderBy(s => means[s]).ToArray();
        var z = new double[Samples];
        for (int rank = 0; rank < Samples; rank++) z[order[rank]] = Normal.InvCDF(0, 1, (rank + 1.0) / (Samples + 1));

        var w = new double[2];
        var m = new double[2];
        var sd = new double[2];
        for (int c = 0; c < 2; c++)
        {
            double[] members = z.Where((_, s) => _labels[s] == c).ToArray();
            w[c] = (double)members.Length / Samples;
            m[c] = members.Average();
            sd[c] = Math.Sqrt(members.Sum(x => (x - m[c]) * (x - m[c])) / (members.Length - 1));
        }
        double Density(double x) => Enumerable.Range(0, 2).Sum(c => w[c] * Normal.PDF(m[c], sd[c], x));
        double information = 0;
        for (int c = 0; c < 2; c++)
        {
            information -= w[c] * 0.5 * (Math.Log(Density(m[c] + sd[c])) + Math.Log(Density(m[c] - sd[c])));
            information -= w[c] * 0.5 * Math.Log(2 * Math.PI * Math.E * sd[c] * sd[c]);
        }
        return information / Math.Log(2);
    }

    [Fact]
    public void Information_check_measures_a_convolution_layer_through_the_activation_stream()
    {
        double expected = ExpectedLabelBits();
        Assert.InRange(expected, 0.05, 1); // the data do carry information, so the check is not vacuous
        CheckContext context = Context();
        var passing = new InformationCheckAttribute("conv") { MinLabelBits = expected - 0.02, MinSignificantUnitFraction = 0.5 };
        var failing = new InformationCheckAttribute("conv") { MinLabelBits = expected + 0.02 };
        ICheck check = CheckCatalog.Default.For(passing, new CheckDeclaration(nameof(InformationCheckAttribute), 0));
        Assert.IsType<InformationCheck>(check);
        Assert.Empty(check.Validate(passing, context));
        Assert.Equal(["conv"], check.Layers(passing));

        List<CheckResult> results = check.Evaluate(passing, new CheckDeclaration(nameof(InformationCheckAttribute), 0), context).ToList();
        CheckResult failed = Assert.Single(check.Evaluate(failing, new CheckDeclaration(nameof(InformationCheckAttribute), 1), context));

        CheckResult labelBits = results.Single(r => r.Metric == "labelBits");
        Assert.Equal("layer=conv", labelBits.Scope);
        Assert.Equal(expected, labelBits.Value, 1e-9);
        Assert.Equal(Verdict.Pass, labelBits.Verdict);
        Assert.NotNull(labelBits.Interval);
        Assert.InRange(expected, labelBits.Interval!.Lower, labelBits.Interval.Upper);

        // Channel 0 is informative, channel 1 is constant (skipped, not significant): half the units.
        CheckResult fraction = results.Single(r => r.Metric == "significantUnitFraction");
        Assert.Equal(0.5, fraction.Value);
        Assert.Equal(Verdict.Pass, fraction.Verdict);

        Assert.Equal(Verdict.Fail, failed.Verdict);
        Assert.Equal("IA1401", failed.Code);
        Assert.Contains("labelBits(layer=conv)", failed.Message);

        var measured = Assert.IsType<LayerInformationResult>(Assert.Single(context.Measurements).Value); // measured once, used twice
        Assert.Equal(Samples, measured.SampleCount);
        Assert.Equal(2, measured.UnitCount);
        Assert.Equal(1, measured.ConstantUnitCount);
        Assert.Equal(1, measured.Components);
        Assert.Equal(0, measured.TopUnits[0].Unit);
        Assert.Equal([150, 150], measured.ClassCounts);
    }

    [Fact]
    public void Redundancy_check_decomposes_two_layers_and_labels_the_sign()
    {
        CheckContext context = Context();
        var information = new InformationCheckAttribute("conv") { MinLabelBits = 0 };
        var redundancy = new RedundancyCheckAttribute("conv", "relu") { MaxCoInformation = 10 };
        var declaration = new CheckDeclaration(nameof(RedundancyCheckAttribute), 0);
        ICheck check = CheckCatalog.Default.For(redundancy, declaration);
        Assert.IsType<RedundancyCheck>(check);
        Assert.Equal(["conv", "relu"], check.Layers(redundancy));

        CheckResult result = Assert.Single(check.Evaluate(redundancy, declaration, context));
        double labelBits = CheckCatalog.Default.For(information, declaration).Evaluate(information, declaration, context).Single().Value;

        LayerRedundancyResult measured = context.Measurements.Values.OfType<LayerRedundancyResult>().Single();
        Assert.Equal("coInformation", result.Metric);
        Assert.Equal("layers=conv,relu", result.Scope);
        Assert.Equal(Verdict.Pass, result.Verdict);
        Assert.Equal(measured.Decomposition.CoInformation, result.Value);
        Assert.EndsWith($"(net {measured.Decomposition.CoInformationSign})", result.Message);
        // Same seeds, same single component: the conv layer's share equals its own information check.
        Assert.Equal(labelBits, measured.Decomposition.InformationA, 1e-12);
        // ReLU keeps the label (a positive shift survives it), so the two layers are largely redundant.
        Assert.Equal(InformationDecomposition.Redundant, measured.Decomposition.CoInformationSign);
    }
}
