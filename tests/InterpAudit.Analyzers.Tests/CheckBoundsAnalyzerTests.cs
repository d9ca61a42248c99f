using InterpAudit.Analyzers.CodeFixes;
using Verify = InterpAudit.Analyzers.Tests.Verifiers.AnalyzerVerifier<InterpAudit.Analyzers.CheckBoundsAnalyzer>;
using VerifyFix = InterpAudit.Analyzers.Tests.Verifiers.CodeFixVerifier<InterpAudit.Analyzers.CheckBoundsAnalyzer, InterpAudit.Analyzers.CodeFixes.SwapBoundsCodeFix>;

namespace InterpAudit.Analyzers.Tests;

public sealed class CheckBoundsAnalyzerTests
{
    [Fact]
    public Task An_accuracy_above_one_is_reported_at_its_argument_with_the_value_and_the_range() =>
        Verify.VerifyAsync("""
            using InterpAudit;

            [InterpretabilityAudit("a")]
            [AccuracyCheck({|#0:Min = 90|})]
            [AccuracyCheck({|#1:MinOverall = -0.1|})]
            public sealed class A : AuditBase;
            """,
            Verify.Diagnostic(Rules.BoundOutOfRange).WithLocation(0).WithArguments("AccuracyCheck", "Min", "90"),
            Verify.Diagnostic(Rules.BoundOutOfRange).WithLocation(1).WithArguments("AccuracyCheck", "MinOverall", "-0.1"));

    [Fact]
    public Task Bounds_inside_their_range_and_unset_bounds_are_not_reported() =>
        Verify.VerifyAsync("""
            using InterpAudit;

            [InterpretabilityAudit("a")]
            [AccuracyCheck(MinOverall = 0.93)]
            [AccuracyCheck(Min = 0, Class = "a")]
            [AccuracyCheck(Min = 1, Class = "b")]
            [AccuracyCheck(Min = double.NaN, MinOverall = 0.5)]
            [ProbeCheck("fc1", MinBits = 5, MaxBits = 7, MinUnitFraction = 1, Components = 1, Neighbours = 0)]
            public sealed class A : AuditBase;
            """);

    [Fact]
    public Task Bounds_and_settings_of_any_check_family_are_judged_by_the_limits_their_properties_declare() =>
        Verify.VerifyAsync("""
            [InterpAudit.InterpretabilityAudit("a")]
            [ProbeCheck("fc1", {|#0:MinUnitFraction = 1.5|}, {|#1:Neighbours = -1|}, {|#2:Components = 0|}, Unlimited = -3)]
            public sealed class A : AuditBase;
            """,
            Verify.Diagnostic(Rules.BoundOutOfRange).WithLocation(0).WithArguments("ProbeCheck", "MinUnitFraction", "1.5"),
            Verify.Diagnostic(Rules.ValueOutOfRange).WithLocation(1).WithArguments("ProbeCheck", "Neighbours", "-1", "at least 0", " — a probe reads no fewer than zero neighbours"),
            Verify.Diagnostic(Rules.ValueOutOfRange).WithLocation(2).WithArguments("ProbeCheck", "Components", "0", "at least 1", ""));

    [Fact]
    public Task A_bound_given_as_a_constructor_argument_is_judged_by_the_property_of_the_same_name() =>
        Verify.VerifyAsync("""
            [InterpAudit.InterpretabilityAudit("a")]
            [ScoreCheck({|#0:1.5|})]
            [ScoreCheck(0.5)]
            public sealed class A : AuditBase;
            """,
            Verify.Diagnostic(Rules.BoundOutOfRange).WithLocation(0).WithArguments("ScoreCheck", "minScore", "1.5"));

    /// <summary>The modularity, ablation and circuit families' ranges, as their attributes declare them ([ValidRange] reasons included).</summary>
    [Fact]
    public Task Modularity_ablation_and_circuit_bounds_outside_their_ranges_are_reported() =>
        Verify.VerifyAsync("""
            using InterpAudit;

            [InterpretabilityAudit("a")]
            [ModularityCheck("fc2", {|#0:MaxEnmeshment = 1.2|}, {|#1:Shuffles = 5|}, {|#2:Clusters = 1|})]
            [AblationCheck("fc2", {|#3:MinSpecialization = 2|}, {|#4:MaxCollateralDrop = -0.1|}, {|#5:RandomSets = 19|}, {|#6:Restarts = 0|})]
            [CircuitCheck({|#7:MaxMeanEcs = 30|}, {|#8:MaxSamplesPerClass = 0|})]
            [AblationCheck("fc1", MinSpecialization = 0.35, MaxCollateralDrop = 0.3, RandomSets = 20, Clusters = 2)]
            [CircuitCheck(MaxMeanEcs = 0.3, MaxEcs = 1)]
            public sealed class A : AuditBase;
            """,
            Verify.Diagnostic(Rules.BoundOutOfRange).WithLocation(0).WithArguments("ModularityCheck", "MaxEnmeshment", "1.2"),
            Verify.Diagnostic(Rules.ValueOutOfRange).WithLocation(1).WithArguments("ModularityCheck", "Shuffles", "5", "at least 10", " — the shuffle null needs at least 10 shuffles"),
            Verify.Diagnostic(Rules.ValueOutOfRange).WithLocation(2).WithArguments("ModularityCheck", "Clusters", "1", "at least 2", " — co-clustering into one group measures nothing"),
            Verify.Diagnostic(Rules.BoundOutOfRange).WithLocation(3).WithArguments("AblationCheck", "MinSpecialization", "2"),
            Verify.Diagnostic(Rules.BoundOutOfRange).WithLocation(4).WithArguments("AblationCheck", "MaxCollateralDrop", "-0.1"),
            Verify.Diagnostic(Rules.ValueOutOfRange).WithLocation(5).WithArguments("AblationCheck", "RandomSets", "19", "at least 20", " — a rank p = (r+1)/(n+1) needs at least 20 random sets"),
            Verify.Diagnostic(Rules.ValueOutOfRange).WithLocation(6).WithArguments("AblationCheck", "Restarts", "0", "at least 1", ""),
            Verify.Diagnostic(Rules.BoundOutOfRange).WithLocation(7).WithArguments("CircuitCheck", "MaxMeanEcs", "30"),
            Verify.Diagnostic(Rules.ValueOutOfRange).WithLocation(8).WithArguments("CircuitCheck", "MaxSamplesPerClass", "0", "at least 1", ""));

    [Fact]
    public Task The_regression_tolerance_every_check_inherits_is_judged_by_its_base_class_declaration() =>
        Verify.VerifyAsync("""
            using InterpAudit;

            [InterpretabilityAudit("a")]
            [AccuracyCheck(Min = 0.9, {|#0:RegressionTolerance = -0.01|})]
            [ProbeCheck("fc1", MinBits = 1, {|#1:RegressionTolerance = -1|})]
            [AccuracyCheck(MinOverall = 0.9, RegressionTolerance = 0)]
            [AccuracyCheck(Min = 0.8, RegressionTolerance = double.NaN)]
            public sealed class A : AuditBase;
            """,
            Verify.Diagnostic(Rules.ValueOutOfRange).WithLocation(0).WithArguments("AccuracyCheck", "RegressionTolerance", "-0.01", "at least 0", ""),
            Verify.Diagnostic(Rules.ValueOutOfRange).WithLocation(1).WithArguments("ProbeCheck", "RegressionTolerance", "-1", "at least 0", ""));

    [Fact]
    public Task Infinite_values_are_reported_even_where_the_range_is_unlimited() =>
        Verify.VerifyAsync("""
            using InterpAudit;

            [InterpretabilityAudit("a")]
            [AccuracyCheck({|#0:Min = double.PositiveInfinity|})]
            [RedundancyCheck("fc1", "fc2", {|#1:MaxCoInformation = double.NegativeInfinity|})]
            [InformationCheck("fc1", {|#2:MinLabelBits = 1 / 0.0|}, {|#3:RegressionTolerance = double.PositiveInfinity|})]
            [RedundancyCheck("fc1", "fc2", MinCoInformation = -1e300)]
            public sealed class A : AuditBase;
            """,
            Verify.Diagnostic(Rules.NotFinite).WithLocation(0).WithArguments("AccuracyCheck", "Min", "double.PositiveInfinity", "a value in [0, 1]", ""),
            Verify.Diagnostic(Rules.NotFinite).WithLocation(1).WithArguments("RedundancyCheck", "MaxCoInformation", "double.NegativeInfinity", "a finite number", ""),
            Verify.Diagnostic(Rules.NotFinite).WithLocation(2).WithArguments("InformationCheck", "MinLabelBits", "double.PositiveInfinity", "at least 0", ""),
            Verify.Diagnostic(Rules.NotFinite).WithLocation(3).WithArguments("InformationCheck", "RegressionTolerance", "double.PositiveInfinity", "at least 0", ""));

    [Fact]
    public Task The_audit_attribute_settings_are_judged_by_their_declared_limits() =>
        Verify.VerifyAsync("""
            using InterpAudit;

            [InterpretabilityAudit("a", {|#0:FalseAlarmRate = 0|}, {|#1:BatchSize = 0|})]
            public sealed class A : AuditBase;

            [InterpretabilityAudit("b", {|#2:FalseAlarmRate = 0.6|})]
            public sealed class B : AuditBase;

            [InterpretabilityAudit("c", FalseAlarmRate = 0.5, BatchSize = 1, Seed = -7)]
            public sealed class C : AuditBase;
            """,
            Verify.Diagnostic(Rules.ValueOutOfRange).WithLocation(0).WithArguments("InterpretabilityAudit", "FalseAlarmRate", "0", "a value in (0, 0.5]", " — the chance that a fair retrain fails the audit"),
            Verify.Diagnostic(Rules.ValueOutOfRange).WithLocation(1).WithArguments("InterpretabilityAudit", "BatchSize", "0", "at least 1", ""),
            Verify.Diagnostic(Rules.ValueOutOfRange).WithLocation(2).WithArguments("InterpretabilityAudit", "FalseAlarmRate", "0.6", "a value in (0, 0.5]", " — the chance that a fair retrain fails the audit"));

    [Fact]
    public Task A_minimum_above_the_maximum_of_the_same_metric_is_reported_at_the_minimum() =>
        Verify.VerifyAsync("""
            [InterpAudit.InterpretabilityAudit("a")]
            [ProbeCheck("fc1", {|#0:MinBits = 3|}, {|#1:MaxBits = 2.5|})]
            public sealed class A : AuditBase;
            """,
            Verify.Diagnostic(Rules.MinAboveMax).WithLocation(0).WithLocation(1).WithArguments("ProbeCheck", "MinBits", "3", "MaxBits", "2.5"));

    [Fact]
    public Task A_minimum_and_maximum_are_paired_by_the_metric_their_bounds_name() =>
        Verify.VerifyAsync("""
            using InterpAudit;

            [InterpretabilityAudit("a")]
            [RedundancyCheck("fc1", "fc2", {|#0:MinCoInformation = 1|}, {|#1:MaxCoInformation = 0.5|})]
            public sealed class A : AuditBase;
            """,
            Verify.Diagnostic(Rules.MinAboveMax).WithLocation(0).WithLocation(1).WithArguments("RedundancyCheck", "MinCoInformation", "1", "MaxCoInformation", "0.5"));

    [Fact]
    public Task Bounds_of_different_metrics_are_not_compared() =>
        Verify.VerifyAsync("""
            [InterpAudit.InterpretabilityAudit("a")]
            [ProbeCheck("fc1", MinBits = 3, MinUnitFraction = 0.5)]
            [PairCheck("fc1", "fc2", MaxOverlap = 0.1)]
            [InterpAudit.ModularityCheck("fc2", MinClusterability = 0.9, MaxEnmeshment = 0.5)]
            public sealed class A : AuditBase;
            """);

    [Fact]
    public Task Bounds_are_checked_on_classes_that_are_not_audits_too() =>
        Verify.VerifyAsync("""
            [InterpAudit.AccuracyCheck({|IA0001:Min = 2|})]
            public sealed class NotAnAudit;
            """);

    [Fact]
    public Task The_fix_swaps_a_minimum_and_maximum() =>
        VerifyFix.VerifyAsync("""
            [InterpAudit.InterpretabilityAudit("a")]
            [ProbeCheck("fc1", {|IA0001:MinBits = 3|}, MaxBits = 2.5, Components = 8)]
            public sealed class A : AuditBase;
            """, """
            [InterpAudit.InterpretabilityAudit("a")]
            [ProbeCheck("fc1", MinBits = 2.5, MaxBits = 3, Components = 8)]
            public sealed class A : AuditBase;
            """);

    [Fact]
    public Task No_fix_is_offered_for_a_bound_outside_its_range() =>
        VerifyFix.VerifyAsync("""
            [InterpAudit.InterpretabilityAudit("a")]
            [InterpAudit.AccuracyCheck({|IA0001:Min = 90|})]
            public sealed class A : AuditBase;
            """, """
            [InterpAudit.InterpretabilityAudit("a")]
            [InterpAudit.AccuracyCheck({|IA0001:Min = 90|})]
            public sealed class A : AuditBase;
            """);
}
