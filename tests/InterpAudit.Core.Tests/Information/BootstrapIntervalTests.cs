using InterpAudit.Information;
using InterpAudit.Results;

namespace InterpAudit.Tests.Information;

public sealed class BootstrapIntervalTests
{
    /// <summary>
    /// Two well-separated classes in 4 dimensions: a resample's duplicates make the bias correction
    /// too small, so resampled estimates sit above the estimate; the recentred interval must still
    /// hold the estimate and keep the bootstrap's width.
    /// </summary>
    [Fact]
    public void The_interval_holds_the_estimate_although_resamples_are_biased_upward()
    {
        var random = new Random(5);
        int n = 200;
        int[] labels = Enumerable.Range(0, n).Select(i => i % 2).ToArray();
        double[][] rows = Enumerable.Range(0, 4).Select(_ => labels.Select(y => y * 1.5 + Normal(random)).ToArray()).ToArray();
        double estimate = GaussianMutualInformation.WithLabels(rows, labels, 2);

        Interval interval = StratifiedBootstrap.Percentile(rows, labels, 2, 200, 1, (r, y) => GaussianMutualInformation.WithLabels(r, y, 2));

        Assert.InRange(estimate, interval.Lower, interval.Upper);
        Assert.Equal("bootstrap-recentred-95", interval.Method);
        Assert.InRange(interval.Upper - interval.Lower, 0.01, 1.0);
    }

    [Fact]
    public void Label_entropy_is_log2_of_the_class_count_for_balanced_classes()
    {
        var result = new LayerInformationResult("l", 1000, [100, 100, 100, 100, 100, 100, 100, 100, 100, 100], 100, 4, 0, 16, 4, true,
            3.5, 3.6, new Interval(3.4, 3.6, "x"), 0, 0, 0.05, 0, 0, [], [], [], [], 0, 0, true);
        Assert.Equal(Math.Log2(10), result.LabelEntropyBits, 12);
        Assert.True(result.ExceedsLabelEntropy);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
