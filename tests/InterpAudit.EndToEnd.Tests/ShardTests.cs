namespace InterpAudit.EndToEnd.Tests;

/// <summary>
/// InterpAuditShard travels from the build to the runner (issue #19); what sharding and merging do is
/// tested in process (InterpAudit.Runner.Tests' ShardingTests). One build, which fails before any audit runs.
/// </summary>
[Collection("fixture")]
public sealed class ShardTests(FixtureProject fixture)
{
    [Fact]
    public void A_shard_that_is_not_i_of_n_fails_the_build_with_IA3040()
    {
        DotnetBuild.Outcome build = fixture.Audit("passing", "-p:InterpAuditShard=3/2");
        Assert.False(build.Succeeded, build.ToString());
        Assert.Contains("error IA3040: Shard \"3/2\" is not usable: expected i/n with 1 ≤ i ≤ n", build.Output);
        Assert.DoesNotContain("   at ", build.Output);
    }
}
