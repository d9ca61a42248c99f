using Verify = InterpAudit.Analyzers.Tests.Verifiers.AnalyzerVerifier<InterpAudit.Analyzers.AuditNameAnalyzer>;

namespace InterpAudit.Analyzers.Tests;

public sealed class AuditNameAnalyzerTests
{
    [Fact]
    public Task A_name_used_by_two_classes_is_reported_at_both() =>
        Verify.VerifyAsync("""
            using InterpAudit;

            namespace Models
            {
                [{|#2:InterpretabilityAudit({|#0:"mnist-mlp"|})|}]
                public sealed class First : AuditBase;

                [InterpretabilityAudit("other")]
                public sealed class Other : AuditBase;

                [{|#3:InterpretabilityAudit({|#1:"mnist-mlp"|}, Seed = 2)|}]
                public sealed class Second : AuditBase;
            }
            """,
            Verify.Diagnostic(Rules.AuditNameReused).WithLocation(0).WithLocation(3).WithArguments("mnist-mlp", "Models.Second"),
            Verify.Diagnostic(Rules.AuditNameReused).WithLocation(1).WithLocation(2).WithArguments("mnist-mlp", "Models.First"));

    [Fact]
    public Task A_name_reused_in_another_file_of_the_project_is_reported() =>
        new Verifiers.AnalyzerVerifier<AuditNameAnalyzer>.Test
        {
            TestState =
            {
                Sources =
                {
                    ("First.cs", """[InterpAudit.InterpretabilityAudit({|IA0007:"shared"|})] public sealed class First : AuditBase;"""),
                    ("Second.cs", """[InterpAudit.InterpretabilityAudit({|IA0007:"shared"|})] public sealed class Second : AuditBase;"""),
                    ("Support.cs", Verifiers.AuditTestSettings.Support),
                },
            },
        }.RunAsync();

    [Theory]
    [InlineData("mnist mlp")]
    [InlineData("../escape")]
    [InlineData("a/b")]
    [InlineData("zürich")]
    [InlineData("")]
    public Task A_name_that_is_not_usable_as_a_folder_name_is_reported(string name) =>
        Verify.VerifyAsync($$"""
            [InterpAudit.InterpretabilityAudit({|#0:"{{name}}"|})]
            public sealed class A : AuditBase;
            """,
            Verify.Diagnostic(Rules.AuditNameInvalid).WithLocation(0).WithArguments(name));

    [Fact]
    public Task Distinct_names_of_letters_digits_dashes_underscores_and_dots_are_not_reported() =>
        Verify.VerifyAsync("""
            [InterpAudit.InterpretabilityAudit("mnist-mlp")] public sealed class A : AuditBase;
            [InterpAudit.InterpretabilityAudit("Mnist_MLP.v2")] public sealed class B : AuditBase;
            [InterpAudit.InterpretabilityAudit("MNIST-MLP")] public sealed class C : AuditBase;
            """);
}
