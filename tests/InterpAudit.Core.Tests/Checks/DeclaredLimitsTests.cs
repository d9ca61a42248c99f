using InterpAudit.Checks;

namespace InterpAudit.Tests.Checks;

public sealed class DeclaredLimitsTests
{
    [Fact]
    public void A_declaration_within_every_limit_has_no_violation()
    {
        Assert.Empty(DeclaredLimits.Violations(new ModularityCheckAttribute("fc2") { MinClusterability = 0.5 }));
        Assert.Empty(DeclaredLimits.Violations(new InterpretabilityAuditAttribute("a")));
    }

    [Theory]
    [InlineData(0.0, "FalseAlarmRate = 0 is outside (0, 0.5] (the chance that a fair retrain fails the audit)")]
    [InlineData(0.51, "FalseAlarmRate = 0.51 is outside (0, 0.5]")]
    [InlineData(double.PositiveInfinity, "FalseAlarmRate = Infinity is not a finite number")]
    public void An_exclusive_lower_limit_rejects_the_limit_itself_and_the_message_gives_the_reason(double rate, string expected)
    {
        string problem = Assert.Single(DeclaredLimits.Violations(new InterpretabilityAuditAttribute("a") { FalseAlarmRate = rate }));
        Assert.StartsWith(expected, problem);
        Assert.Empty(DeclaredLimits.Violations(new InterpretabilityAuditAttribute("a") { FalseAlarmRate = 0.5 }));
        Assert.Empty(DeclaredLimits.Violations(new InterpretabilityAuditAttribute("a") { FalseAlarmRate = double.Epsilon }));
    }

    [Fact]
    public void NaN_is_an_unset_bound_but_infinity_is_never_a_bound()
    {
        var attribute = new RedundancyCheckAttribute("a", "b") { MaxCoInformation = double.PositiveInfinity };
        Assert.Equal(["MaxCoInformation = Infinity is not a finite number"], DeclaredLimits.Violations(attribute));
    }

    [Fact]
    public void A_setting_below_its_limit_is_named_with_why_the_limit_is_what_it_is()
    {
        var attribute = new ModularityCheckAttribute("fc2") { MinClusterability = 0.5, Shuffles = 5 };
        Assert.Equal(["Shuffles = 5 is below 10 (the shuffle null needs at least 10 shuffles)"], DeclaredLimits.Violations(attribute));
    }

    [Fact]
    public void The_base_attributes_limits_apply_to_every_family()
    {
        var attribute = new AccuracyCheckAttribute { Min = 0.9, RegressionTolerance = -0.01 };
        Assert.Equal(["RegressionTolerance = -0.01 is below 0"], DeclaredLimits.Violations(attribute));
    }

    [Fact]
    public void An_enum_setting_must_hold_a_named_value()
    {
        var attribute = new CircuitCheckAttribute { MaxMeanEcs = 0.5, Mode = (EcsMode)9 };
        Assert.Equal(["Mode = 9 is not one of Exact, Fast, Both"], DeclaredLimits.Violations(attribute));
    }

    [Fact]
    public void A_declaration_must_set_a_bound_and_the_message_lists_them()
    {
        Assert.Equal(["neither MaxCoInformation nor MinCoInformation is set"], DeclaredLimits.Violations(new RedundancyCheckAttribute("a", "b")));
        Assert.Equal(["none of MinClusterability, MinNormalizedClusterability and MaxEnmeshment is set"],
            DeclaredLimits.Violations(new ModularityCheckAttribute("fc2")));
    }

    [Fact]
    public void A_minimum_above_the_maximum_of_the_same_metric_can_pass_nothing()
    {
        var attribute = new RedundancyCheckAttribute("a", "b") { MinCoInformation = 0.2, MaxCoInformation = 0.1 };
        Assert.Equal(["MinCoInformation = 0.2 is above MaxCoInformation = 0.1: no value can pass both"], DeclaredLimits.Violations(attribute));
        // Bounds of different metrics are not compared: clusterability 0.9 and enmeshment 0.5 can both hold.
        Assert.Empty(DeclaredLimits.Violations(new ModularityCheckAttribute("fc2") { MinNormalizedClusterability = 0.9, MaxEnmeshment = 0.5 }));
    }

    [Fact]
    public void Bounds_come_in_declaration_order_with_their_metric_side_code_and_tolerance()
    {
        IReadOnlyList<DeclaredBound> bounds = DeclaredLimits.BoundsOf(typeof(LibCheckAttribute));
        Assert.Equal(["MaxLibFeatures", "MaxFeatures99", "MaxEdges90", "MinSparsityGain"], bounds.Select(b => b.Name));
        DeclaredBound gain = bounds[^1];
        Assert.Equal(("sparsityGain", BoundKind.Min, "IA1104"), (gain.Metric, gain.Kind, gain.Code));
        Assert.Equal(new Results.RegressionTolerance(0.05, 0.05), gain.Tolerance);
    }

    [Fact]
    public void Bounds_on_one_metric_declare_one_tolerance()
    {
        // The gate takes a metric's tolerance from whichever bound judged it: two bounds on the same
        // metric with different tolerances would make the band depend on which one is declared.
        var families = typeof(AuditCheckAttribute).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(AuditCheckAttribute).IsAssignableFrom(t)).ToList();
        Assert.True(families.Count >= 7, $"found {families.Count} check attribute types");
        foreach (Type family in families)
        foreach (var metric in DeclaredLimits.BoundsOf(family).GroupBy(b => b.Metric))
            Assert.Single(metric.Select(b => b.Tolerance).Distinct());
    }
}
