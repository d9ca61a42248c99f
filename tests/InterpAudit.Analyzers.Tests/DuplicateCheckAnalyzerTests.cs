using Verify = InterpAudit.Analyzers.Tests.Verifiers.AnalyzerVerifier<InterpAudit.Analyzers.DuplicateCheckAnalyzer>;

namespace InterpAudit.Analyzers.Tests;

public sealed class DuplicateCheckAnalyzerTests
{
    [Fact]
    public Task A_bound_repeated_for_the_same_scope_is_reported_at_the_second_check() =>
        Verify.VerifyAsync("""
            using InterpAudit;

            [InterpretabilityAudit("a")]
            [{|#1:AccuracyCheck(Min = 0.9)|}]
            [{|#5:AccuracyCheck(Class = "a", Min = 0.8)|}]
            [{|#0:AccuracyCheck(Min = 0.85, MinOverall = 0.9)|}]
            [{|#3:AccuracyCheck(Class = "a", Min = 0.95)|}]
            [{|#2:ProbeCheck("fc1", MinBits = 1)|}]
            [{|#4:ProbeCheck(layer: "fc1", MinBits = 2, Severity = CheckSeverity.Error)|}]
            public sealed class A : AuditBase;
            """,
            Verify.Diagnostic(Rules.DuplicateCheck).WithLocation(0).WithLocation(1).WithArguments("AccuracyCheck", "Min", 4, ""),
            Verify.Diagnostic(Rules.DuplicateCheck).WithLocation(3).WithLocation(5).WithArguments("AccuracyCheck", "Min", 5, " (Class = \"a\")"),
            Verify.Diagnostic(Rules.DuplicateCheck).WithLocation(4).WithLocation(2).WithArguments("ProbeCheck", "MinBits", 8, " (layer = \"fc1\")"));

    [Fact]
    public Task Checks_of_different_scopes_bounds_or_severities_are_not_duplicates() =>
        Verify.VerifyAsync("""
            using InterpAudit;

            [InterpretabilityAudit("a")]
            [AccuracyCheck(MinOverall = 0.93)]
            [AccuracyCheck(Min = 0.90)]
            [AccuracyCheck(Class = "a", Min = 0.85)]
            [AccuracyCheck(Class = "b", Min = 0.85)]
            [AccuracyCheck(Min = 0.95, Severity = CheckSeverity.Warning)]
            [ProbeCheck("fc1", MinBits = 1)]
            [ProbeCheck("fc2", MinBits = 1)]
            [ProbeCheck("fc1", MinBits = 1, Components = 8)]
            [ProbeCheck("fc1", MaxBits = 3)]
            public sealed class A : AuditBase;
            """);

    [Fact]
    public Task Checks_on_a_class_that_is_not_an_audit_are_left_to_IA0002() =>
        Verify.VerifyAsync("""
            [InterpAudit.AccuracyCheck(Min = 0.9)]
            [InterpAudit.AccuracyCheck(Min = 0.9)]
            public sealed class NotAnAudit;
            """);
}
