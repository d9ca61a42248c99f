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
    public Task A_fraction_named_by_convention_and_impossible_counts_are_reported_for_any_check_family() =>
        Verify.VerifyAsync("""
            [InterpAudit.InterpretabilityAudit("a")]
            [ProbeCheck("fc1", {|#0:MinUnitFraction = 1.5|}, {|#1:Neighbours = -1|}, {|#2:Components = 0|})]
            public sealed class A : AuditBase;
            """,
            Verify.Diagnostic(Rules.BoundOutOfRange).WithLocation(0).WithArguments("ProbeCheck", "MinUnitFraction", "1.5"),
            Verify.Diagnostic(Rules.CountOutOfRange).WithLocation(1).WithArguments("ProbeCheck", "Neighbours", "-1", "0"),
            Verify.Diagnostic(Rules.CountOutOfRange).WithLocation(2).WithArguments("ProbeCheck", "Components", "0", "1"));

    /// <summary>The modularity, ablation and circuit families' ranges, as their checks validate them (IA3013).</summary>
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
            Verify.Diagnostic(Rules.CountOutOfRange).WithLocation(1).WithArguments("ModularityCheck", "Shuffles", "5", "10"),
            Verify.Diagnostic(Rules.CountOutOfRange).WithLocation(2).WithArguments("ModularityCheck", "Clusters", "1", "2"),
            Verify.Diagnostic(Rules.BoundOutOfRange).WithLocation(3).WithArguments("AblationCheck", "MinSpecialization", "2"),
            Verify.Diagnostic(Rules.BoundOutOfRange).WithLocation(4).WithArguments("AblationCheck", "MaxCollateralDrop", "-0.1"),
            Verify.Diagnostic(Rules.CountOutOfRange).WithLocation(5).WithArguments("AblationCheck", "RandomSets", "19", "20"),
            Verify.Diagnostic(Rules.CountOutOfRange).WithLocation(6).WithArguments("AblationCheck", "Restarts", "0", "1"),
            Verify.Diagnostic(Rules.BoundOutOfRange).WithLocation(7).WithArguments("CircuitCheck", "MaxMeanEcs", "30"),
            Verify.Diagnostic(Rules.CountOutOfRange).WithLocation(8).WithArguments("CircuitCheck", "MaxSamplesPerClass", "0", "1"));

    [Fact]
    public Task A_minimum_above_the_maximum_of_the_same_metric_is_reported_at_the_minimum() =>
        Verify.VerifyAsync("""
            [InterpAudit.InterpretabilityAudit("a")]
            [ProbeCheck("fc1", {|#0:MinBits = 3|}, {|#1:MaxBits = 2.5|})]
            public sealed class A : AuditBase;
            """,
            Verify.Diagnostic(Rules.MinAboveMax).WithLocation(0).WithLocation(1).WithArguments("ProbeCheck", "MinBits", "3", "MaxBits", "2.5"));

    [Fact]
    public Task Bounds_of_different_metrics_are_not_compared() =>
        Verify.VerifyAsync("""
            [InterpAudit.InterpretabilityAudit("a")]
            [ProbeCheck("fc1", MinBits = 3, MinUnitFraction = 0.5)]
            [PairCheck("fc1", "fc2", MaxOverlap = 0.1)]
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
