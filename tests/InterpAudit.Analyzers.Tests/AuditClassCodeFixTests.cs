using InterpAudit.Analyzers.CodeFixes;
using AddAudit = InterpAudit.Analyzers.Tests.Verifiers.CodeFixVerifier<InterpAudit.Analyzers.AuditClassAnalyzer, InterpAudit.Analyzers.CodeFixes.AddInterpretabilityAuditCodeFix>;
using AddConstructor = InterpAudit.Analyzers.Tests.Verifiers.CodeFixVerifier<InterpAudit.Analyzers.AuditClassAnalyzer, InterpAudit.Analyzers.CodeFixes.AddParameterlessConstructorCodeFix>;
using AddTarget = InterpAudit.Analyzers.Tests.Verifiers.CodeFixVerifier<InterpAudit.Analyzers.AuditClassAnalyzer, InterpAudit.Analyzers.CodeFixes.AddAuditTargetCodeFix>;

namespace InterpAudit.Analyzers.Tests;

public sealed class AuditClassCodeFixTests
{
    [Fact]
    public Task IA0002_the_fix_adds_the_audit_attribute_named_after_the_class_above_the_checks() =>
        AddAudit.VerifyAsync("""
            using InterpAudit;

            namespace Models
            {
                /// <summary>Checks the digits model.</summary>
                [{|IA0002:AccuracyCheck(Min = 0.9)|}]
                [AccuracyCheck(MinOverall = 0.95)]
                public sealed class DigitsAudit : AuditBase;
            }
            """, """
            using InterpAudit;

            namespace Models
            {
                /// <summary>Checks the digits model.</summary>
                [InterpretabilityAudit("DigitsAudit")]
                [AccuracyCheck(Min = 0.9)]
                [AccuracyCheck(MinOverall = 0.95)]
                public sealed class DigitsAudit : AuditBase;
            }
            """);

    [Fact]
    public Task IA0002_the_fix_qualifies_the_attribute_where_InterpAudit_is_not_imported() =>
        AddAudit.VerifyAsync("""
            [{|IA0002:InterpAudit.AccuracyCheck(Min = 0.9)|}]
            public sealed class A : AuditBase;
            """, """
            [InterpAudit.InterpretabilityAudit("A")]
            [InterpAudit.AccuracyCheck(Min = 0.9)]
            public sealed class A : AuditBase;
            """);

    [Fact]
    public Task IA0003_the_fix_adds_IAuditTarget_to_the_base_list() =>
        AddTarget.VerifyAsync("""
            using InterpAudit;

            [InterpretabilityAudit("a")]
            public sealed class {|IA0003:Audit|} : System.IDisposable
            {
                public void Dispose() { }
            }
            """, """
            using InterpAudit;

            [InterpretabilityAudit("a")]
            public sealed class Audit : System.IDisposable, {|CS0535:{|CS0535:{|CS0535:{|CS0535:IAuditTarget|}|}|}|}
            {
                public void Dispose() { }
            }
            """);

    [Fact]
    public Task IA0003_the_fix_creates_the_base_list_when_there_is_none() =>
        AddTarget.VerifyAsync("""
            [InterpAudit.InterpretabilityAudit("a")]
            public sealed class {|IA0003:Audit|}
            {
            }
            """, """
            [InterpAudit.InterpretabilityAudit("a")]
            public sealed class Audit : {|CS0535:{|CS0535:{|CS0535:{|CS0535:InterpAudit.IAuditTarget|}|}|}|}
            {
            }
            """);

    [Fact]
    public Task IA0004_the_fix_adds_a_public_parameterless_constructor_before_the_others() =>
        AddConstructor.VerifyAsync("""
            using InterpAudit;

            [InterpretabilityAudit("a")]
            public sealed class {|IA0004:Audit|} : AuditBase
            {
                private readonly int _seed;

                public Audit(int seed)
                {
                    _seed = seed;
                }

                public int Seed => _seed;
            }
            """, """
            using InterpAudit;

            [InterpretabilityAudit("a")]
            public sealed class Audit : AuditBase
            {
                private readonly int _seed;

                public Audit()
                {
                }

                public Audit(int seed)
                {
                    _seed = seed;
                }

                public int Seed => _seed;
            }
            """);

    [Theory]
    [InlineData("public abstract class {|IA0004:Audit|} : AuditBase;")]
    [InlineData("public sealed class {|IA0004:Audit|} : AuditBase { private Audit() { } }")]
    [InlineData("public sealed class {|IA0004:Audit|}(int seed) : AuditBase { public int Seed => seed; }")]
    public Task IA0004_no_fix_is_offered_where_the_author_has_to_choose(string declaration)
    {
        string source = $$"""
            [InterpAudit.InterpretabilityAudit("a")]
            {{declaration}}
            """;
        return AddConstructor.VerifyAsync(source, source);
    }
}
