using System.Text.Json;

namespace InterpAudit.EndToEnd.Tests;

/// <summary>InterpAuditThreads: libtorch's CPU threads in the audit, chosen on purpose and recorded.</summary>
[Collection("fixture")]
public sealed class ThreadsTests(FixtureProject fixture)
{
    private int RecordedThreads() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(fixture.OutputOf("passing"), "metrics.json"))).RootElement.GetProperty("threads").GetInt32();

    [Fact]
    public void The_audit_runs_on_the_threads_asked_for_and_on_the_machines_cores_by_default()
    {
        DotnetBuild.Outcome one = fixture.Audit("passing", "-p:InterpAuditThreads=1");
        Assert.True(one.Succeeded, one.ToString());
        Assert.Contains("1 CPU thread(s)", one.Output);
        Assert.Equal(1, RecordedThreads());

        DotnetBuild.Outcome standard = fixture.Audit("passing");
        Assert.True(standard.Succeeded, standard.ToString());
        Assert.Equal(Environment.ProcessorCount, RecordedThreads());
    }

    [Fact]
    public void A_negative_thread_count_is_bad_input()
    {
        DotnetBuild.Outcome build = fixture.Audit("passing", "-p:InterpAuditThreads=-2");
        Assert.False(build.Succeeded, build.ToString());
        Assert.Contains("error IA3018", build.Output);
        Assert.Contains("--threads expects 0 (the machine's cores) or a positive count", build.Output);
    }
}
