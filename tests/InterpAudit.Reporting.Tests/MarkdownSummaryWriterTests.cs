using InterpAudit.Results;
using Snapshooter.Xunit;

namespace InterpAudit.Reporting.Tests;

public sealed class MarkdownSummaryWriterTests
{
    [Fact]
    public void Summary_md_matches_its_snapshot()
    {
        Snapshot.Match(SampleResults.Render(new MarkdownSummaryWriter(), SampleResults.Create()));
    }

    [Fact]
    public void The_verdict_heads_the_summary_and_failures_come_first()
    {
        string[] lines = SampleResults.Render(new MarkdownSummaryWriter(), SampleResults.Create()).Split('\n');
        Assert.Equal("## ❌ InterpAudit `mnist-mlp`: FAIL", lines[0]);
        Assert.Contains("❌ | accuracy(class=seven)", lines.SkipWhile(l => !l.StartsWith("|---", StringComparison.Ordinal)).Skip(1).First());
        Assert.Contains("Baseline from 5 calibration run(s); regressions judged at a family-wise false-alarm rate of 0.05 (Holm over 1 metrics).", lines);
    }

    /// <summary>What failed the gate, each in the report's condition sentence, errors before warnings, above the table.</summary>
    [Fact]
    public void Each_failing_or_warning_check_gets_its_condition_sentence_before_the_table()
    {
        AuditResult sample = SampleResults.Create();
        string[] lines = SampleResults.Render(new MarkdownSummaryWriter(), sample).Split('\n');
        string[] items = lines.TakeWhile(l => !l.StartsWith('|')).Where(l => l.StartsWith("- ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(
            ["- ❌ accuracy(class=seven) = 0.83 is below its minimum 0.90.", "- ⚠️ accuracy(layer=fc2) = 0.89 is below its minimum 0.90."],
            items);
        Assert.Equal(items.Select(l => l[(l.IndexOf(' ', 2) + 1)..]), sample.Checks.Where(c => c.FailsGate).Select(c => MarkdownSummaryWriter.Escape(ConditionSentence.For(c))));
    }

    [Fact]
    public void Table_cells_cannot_be_broken_or_turned_into_html_by_user_strings()
    {
        string markdown = SampleResults.Render(new MarkdownSummaryWriter(), SampleResults.Create(className: "a|b<script>"));
        Assert.Contains("accuracy(class=a\\|b&lt;script&gt;)", markdown);
        Assert.DoesNotContain("<script>", markdown);
    }
}
