using InterpAudit.Results;
using InterpAudit.Statistics;

namespace InterpAudit.Tests.Statistics;

public sealed class WilsonIntervalTests
{
    // Reference values: Newcombe (1998), "Two-sided confidence intervals for the single proportion",
    // Table I, method 3 (Wilson score without continuity correction).
    [Theory]
    [InlineData(81, 263, 0.2553, 0.3662)]
    [InlineData(15, 148, 0.0624, 0.1605)]
    [InlineData(0, 20, 0.0, 0.1611)]
    [InlineData(1, 29, 0.0061, 0.1718)]
    public void Matches_Newcombes_table(long successes, long trials, double lower, double upper)
    {
        Interval interval = WilsonInterval.Of(successes, trials);
        Assert.Equal(lower, interval.Lower, 4);
        Assert.Equal(upper, interval.Upper, 4);
    }

    [Fact]
    public void No_trials_give_an_undefined_interval()
    {
        Assert.True(double.IsNaN(WilsonInterval.Of(0, 0).Lower));
    }
}
