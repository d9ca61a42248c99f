using Verify = InterpAudit.Analyzers.Tests.Verifiers.AnalyzerVerifier<InterpAudit.Analyzers.AuditClassAnalyzer>;

namespace InterpAudit.Analyzers.Tests;

public sealed class AuditClassAnalyzerTests
{
    [Fact]
    public Task A_complete_audit_class_is_not_reported() =>
        Verify.VerifyAsync("""
            using System.Collections.Generic;
            using InterpAudit;
            using TorchSharp;
            using static TorchSharp.torch;

            [InterpretabilityAudit("complete")]
            [AccuracyCheck(Min = 0.9)]
            public sealed class Complete : IAuditTarget
            {
                public Complete() { }
                public Complete(string unused) { }
                public IReadOnlyList<string> ClassNames { get; } = ["a"];
                public string WeightsPath => "w";
                public nn.Module<Tensor, Tensor> CreateModel() => nn.Linear(1, 1);
                public IEnumerable<LabelledBatch> EvaluationBatches(int batchSize) => [];
            }

            [InterpretabilityAudit("derived")]
            public sealed class Derived : AuditBase;

            // A base class that shares plumbing and declares no checks needs no attribute.
            public abstract class Plumbing : AuditBase;
            """);

    [Fact]
    public Task Checks_on_a_class_without_the_audit_attribute_are_reported_once_at_the_first_check() =>
        Verify.VerifyAsync("""
            using InterpAudit;

            [{|#0:AccuracyCheck(Min = 0.9)|}]
            [{|#1:AccuracyCheck(MinOverall = 0.95)|}]
            [{|#2:ProbeCheck("fc1", MinBits = 1)|}]
            public sealed class Forgotten : AuditBase;
            """,
            Verify.Diagnostic(Rules.CheckOutsideAudit).WithLocation(0).WithLocation(1).WithLocation(2)
                .WithArguments("Forgotten", "[AccuracyCheck], [ProbeCheck]"));

    [Fact]
    public Task Checks_on_a_base_class_are_reported_because_they_are_not_inherited() =>
        Verify.VerifyAsync("""
            using InterpAudit;

            [{|IA0002:AccuracyCheck(Min = 0.9)|}]
            public abstract class SharedChecks : AuditBase;

            [InterpretabilityAudit("a")]
            public sealed class A : SharedChecks;
            """);

    [Fact]
    public Task An_audit_class_without_IAuditTarget_is_reported_at_its_name() =>
        Verify.VerifyAsync("""
            [InterpAudit.InterpretabilityAudit("a")]
            public sealed class {|#0:NotATarget|};
            """,
            Verify.Diagnostic(Rules.AuditWithoutTarget).WithLocation(0).WithArguments("NotATarget"));

    [Theory]
    [InlineData("public abstract class {|#0:Audit|} : AuditBase;", "it is abstract")]
    [InlineData("public sealed class {|#0:Audit|}<T> : AuditBase;", "it is generic, and the audit cannot choose its type arguments")]
    [InlineData("public sealed class {|#0:Audit|} : AuditBase { private Audit() { } }", "its parameterless constructor is private")]
    [InlineData("public sealed class {|#0:Audit|} : AuditBase { internal Audit() { } }", "its parameterless constructor is internal")]
    [InlineData("public sealed class {|#0:Audit|} : AuditBase { public Audit(int seed) { } }", "every constructor takes parameters")]
    [InlineData("public sealed class {|#0:Audit|} : AuditBase { public Audit(int seed = 0) { } }", "every constructor takes parameters")]
    [InlineData("public sealed class {|#0:Audit|}(int seed) : AuditBase { public int Seed => seed; }", "every constructor takes parameters")]
    public Task An_audit_class_the_runner_cannot_create_is_reported_with_the_reason(string declaration, string reason) =>
        Verify.VerifyAsync($$"""
            [InterpAudit.InterpretabilityAudit("a")]
            {{declaration}}
            """,
            Verify.Diagnostic(Rules.AuditNotCreatable).WithLocation(0).WithArguments("Audit", reason));

    [Fact]
    public Task A_static_audit_class_is_reported_as_not_creatable_and_not_a_target() =>
        Verify.VerifyAsync("""
            [InterpAudit.InterpretabilityAudit("a")]
            public static class {|#0:Audit|};
            """,
            Verify.Diagnostic(Rules.AuditWithoutTarget).WithLocation(0).WithArguments("Audit"),
            Verify.Diagnostic(Rules.AuditNotCreatable).WithLocation(0).WithArguments("Audit", "it is static"));

    [Fact]
    public Task A_partial_audit_class_is_reported_at_the_part_that_carries_the_attribute() =>
        Verify.VerifyAsync("""
            public sealed partial class Audit : AuditBase
            {
                public Audit(int seed) { }
            }

            [InterpAudit.InterpretabilityAudit("a")]
            public sealed partial class {|IA0004:Audit|};
            """);
}
