using System.Text.Json;
using InterpAudit.Circuits;
using InterpAudit.Results;
using Snapshooter.Xunit;

namespace InterpAudit.Reporting.Tests;

public sealed class CircuitSectionTests
{
    /// <summary>
    /// Two classes over a 100-weight chain: exact ECS 0.02 and 0.05 (98 and 95 zeroed), fast 0.04 and
    /// 0.05; the first class's check has a committed baseline of 0.03.
    /// </summary>
    private static AuditResult WithCircuits(string className = "seven", bool fast = true)
    {
        ClassCircuit Class(string name, long zeroed, long evaluations) =>
            new(name, 100, 1 - zeroed / 100.0, zeroed, 100, [zeroed - 2, 2], 0.25, 0.2, evaluations);
        var exact = new CircuitSizeResult("exact", LossCriterion.Describe(1e-9), 1e-9, 1000, "fc1 → relu1 → fc2", ["fc1", "fc2"], 100,
            [Class("zero", 98, 80), Class(className, 95, 80)]);
        var fastResult = exact with { Mode = "fast", Classes = [Class("zero", 96, 7), Class(className, 95, 7)] };
        var agreement = new CircuitAgreement(["zero", className], [0.02, 0], [0.5, 1]);
        var declaration = new CheckDeclaration("CircuitCheckAttribute", 0);
        CheckResult check = CheckResult.Judge(new MetricId("circuit", "ecs", "class=zero"), 0.02, null, new Threshold(BoundKind.Max, 0.1), CheckSeverity.Error, "IA1202", declaration)
            with { Baseline = new BaselineComparison(0.03, null, -0.01, 0, 0, RegressionStatus.Improved) };

        AuditResult result = SampleResults.Create(className);
        var measurements = new Dictionary<string, object>(result.Measurements) { ["circuit:exact"] = exact };
        if (fast)
        {
            measurements["circuit:fast"] = fastResult;
            measurements["circuit:agreement"] = agreement;
        }
        return result with { Checks = [.. result.Checks, check], Measurements = measurements };
    }

    [Fact]
    public void The_circuit_section_matches_its_snapshot()
    {
        Snapshot.Match(SampleResults.Render(new HtmlReportWriter(), WithCircuits()));
    }

    [Fact]
    public void Bars_scale_to_the_largest_value_and_the_baseline_is_a_tick()
    {
        string html = SampleResults.Render(new HtmlReportWriter(), WithCircuits());
        // Largest value 0.05 → the axis ends at 0.05 and 360 px; exact 0.02 is 144 px, fast 0.04 is 288 px.
        Assert.Contains("<rect x=\"120\" y=\"3\" width=\"144\" height=\"10\" fill=\"#4c72b0\">", html);
        Assert.Contains("<rect x=\"120\" y=\"15\" width=\"288\" height=\"10\" fill=\"#8c959f\">", html);
        Assert.Contains("<rect x=\"120\" y=\"29\" width=\"360\" height=\"10\" fill=\"#4c72b0\">", html);
        Assert.Contains("<line x1=\"336\" x2=\"336\" y1=\"1\" y2=\"25\" stroke=\"#c44e52\"", html); // 120 + 0.03/0.05·360
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "stroke=\"#c44e52\" stroke-width=\"2\""));
        Assert.Contains(">0.0200 · fast 0.0400</text>", html);
        Assert.Contains("mean |ECS<sub>exact</sub> − ECS<sub>fast</sub>| 0.0100 (largest 0.0200), mean Jaccard overlap of the zeroed weights 0.7500", html);
        Assert.Contains("Order dependence:", html);
        Assert.Contains("ECS can understate the class&#39;s circuit", html);
        Assert.Contains("<td>fc1 96 / fc2 2</td><td class=\"num\">0.2500 → 0.2000</td>", html);
        Assert.Contains("<td>fc1 93 / fc2 2</td>", html);
    }

    [Fact]
    public void Exact_alone_draws_no_fast_bars_and_no_agreement()
    {
        string html = SampleResults.Render(new HtmlReportWriter(), WithCircuits(fast: false));
        Assert.DoesNotContain("fill=\"#8c959f\"", html);
        Assert.DoesNotContain("Agreement of the modes", html);
        Assert.Contains("Mean ECS (exact, gated) 0.0350.", html);
        Assert.DoesNotContain("Measured, not gated", html);
    }

    [Fact]
    public void Fast_figures_beside_exact_ones_sit_apart_as_measured_not_gated()
    {
        string html = SampleResults.Render(new HtmlReportWriter(), WithCircuits());
        int gated = html.IndexOf("<h3>Gated: ECS, exact mode</h3>", StringComparison.Ordinal);
        int unjudged = html.IndexOf("<h3>Measured, not gated: ECS, fast mode</h3>", StringComparison.Ordinal);
        Assert.True(gated > 0 && unjudged > gated);
        // The gated table has the judged mode's figures and the baseline, and no fast column.
        string gatedTable = html[gated..html.IndexOf("<div class=\"unjudged\"", gated, StringComparison.Ordinal)];
        Assert.Contains("<th class=\"num\">ECS exact</th><th class=\"num\">Baseline</th>", gatedTable);
        Assert.DoesNotContain("fast", gatedTable);
        Assert.Contains("<td>zero</td><td class=\"num\">100</td><td class=\"num\">0.0200</td><td class=\"num\">0.0300</td>", gatedTable);
        // Fast ECS 0.04 for zero, |Δ| 0.02 and Jaccard 0.5 from the agreement: only in the unjudged part.
        string rest = html[unjudged..html.IndexOf("</section>", unjudged, StringComparison.Ordinal)];
        Assert.Contains("<td>zero</td><td class=\"num\">0.0400</td><td class=\"num\">0.0200</td><td class=\"num\">0.5000</td>", rest);
        Assert.Contains("grey: fast mode (measured, not gated)", html);
    }

    [Fact]
    public void Fast_alone_is_the_gated_mode()
    {
        AuditResult both = WithCircuits();
        var measurements = new Dictionary<string, object>(both.Measurements);
        measurements.Remove("circuit:exact");
        measurements.Remove("circuit:agreement");
        string html = SampleResults.Render(new HtmlReportWriter(), both with { Measurements = measurements });
        Assert.Contains("<h3>Gated: ECS, fast mode</h3>", html);
        Assert.Contains("Mean ECS (fast, gated) 0.0450.", html);
        Assert.DoesNotContain("Measured, not gated", html);
    }

    [Fact]
    public void Class_names_are_escaped()
    {
        string html = SampleResults.Render(new HtmlReportWriter(), WithCircuits(className: "<b>7</b>"));
        Assert.DoesNotContain("<b>7</b>", html);
        Assert.Contains("&lt;b&gt;7&lt;/b&gt;", html);
    }

    [Fact]
    public void Metrics_json_carries_the_figures_but_not_the_zeroed_sets()
    {
        string text = SampleResults.Render(new MetricsJsonWriter(), WithCircuits());
        using JsonDocument json = JsonDocument.Parse(text);
        JsonElement measurements = json.RootElement.GetProperty("measurements");
        JsonElement exact = measurements.GetProperty("circuit:exact");
        Assert.Equal("exact", exact.GetProperty("mode").GetString());
        Assert.Equal(0.035, exact.GetProperty("meanEcs").GetDouble(), 12);
        Assert.Equal(0.05, exact.GetProperty("classes")[1].GetProperty("ecs").GetDouble(), 12);
        Assert.Equal(0.01, measurements.GetProperty("circuit:agreement").GetProperty("meanAbsoluteDifference").GetDouble(), 12);
        Assert.Equal(0.75, measurements.GetProperty("circuit:agreement").GetProperty("meanJaccard").GetDouble());
        Assert.DoesNotContain("\"pruned\"", text);
    }
}
