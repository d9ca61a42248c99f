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
    [InlineData("mnist mlp", "expected letters, digits, '-', '_' and '.' only, found a space")]
    [InlineData("../escape", "expected letters, digits, '-', '_' and '.' only, found '/' (U+002F)")]
    [InlineData("a/b", "expected letters, digits, '-', '_' and '.' only, found '/' (U+002F)")]
    [InlineData("a:b", "expected letters, digits, '-', '_' and '.' only, found ':' (U+003A)")]
    [InlineData("a*", "expected letters, digits, '-', '_' and '.' only, found '*' (U+002A)")]
    [InlineData("zürich", "expected letters, digits, '-', '_' and '.' only, found 'ü' (U+00FC)")]
    [InlineData("mlp ", "expected letters, digits, '-', '_' and '.' only, found a space")]
    [InlineData("", "expected letters, digits, '-', '_' and '.', found an empty name")]
    [InlineData(".", "expected a plain folder name, found '.', which names the output folder itself")]
    [InlineData("..", "expected a plain folder name, found '..', which names the folder above it")]
    [InlineData("mlp.", "expected a name that does not end with '.', found \"mlp.\" (Windows drops trailing dots from folder names)")]
    [InlineData("...", "expected a name that does not end with '.', found \"...\" (Windows drops trailing dots from folder names)")]
    [InlineData("CON", "expected a name that is not reserved on Windows, found 'CON', a device name on Windows (CON, PRN, AUX, NUL, COM0-COM9 and LPT0-LPT9, in any case and with any extension)")]
    [InlineData("nul.txt", "expected a name that is not reserved on Windows, found 'nul', a device name on Windows (CON, PRN, AUX, NUL, COM0-COM9 and LPT0-LPT9, in any case and with any extension)")]
    [InlineData("Aux.v1.2", "expected a name that is not reserved on Windows, found 'Aux', a device name on Windows (CON, PRN, AUX, NUL, COM0-COM9 and LPT0-LPT9, in any case and with any extension)")]
    [InlineData("prn", "expected a name that is not reserved on Windows, found 'prn', a device name on Windows (CON, PRN, AUX, NUL, COM0-COM9 and LPT0-LPT9, in any case and with any extension)")]
    [InlineData("com1", "expected a name that is not reserved on Windows, found 'com1', a device name on Windows (CON, PRN, AUX, NUL, COM0-COM9 and LPT0-LPT9, in any case and with any extension)")]
    [InlineData("LPT9.log", "expected a name that is not reserved on Windows, found 'LPT9', a device name on Windows (CON, PRN, AUX, NUL, COM0-COM9 and LPT0-LPT9, in any case and with any extension)")]
    public Task A_name_that_is_not_usable_as_a_folder_name_is_reported(string name, string problem) =>
        Verify.VerifyAsync($$"""
            [InterpAudit.InterpretabilityAudit({|#0:"{{name}}"|})]
            public sealed class A : AuditBase;
            """,
            Verify.Diagnostic(Rules.AuditNameInvalid).WithLocation(0).WithArguments(name, problem));

    /// <summary>Names that only look like the reserved ones are plain folder names everywhere.</summary>
    [Fact]
    public Task Names_that_merely_contain_a_device_name_or_dots_are_not_reported() =>
        Verify.VerifyAsync("""
            [InterpAudit.InterpretabilityAudit("console")] public sealed class A : AuditBase;
            [InterpAudit.InterpretabilityAudit("com10")] public sealed class B : AuditBase;
            [InterpAudit.InterpretabilityAudit("lpt")] public sealed class C : AuditBase;
            [InterpAudit.InterpretabilityAudit("my.con")] public sealed class D : AuditBase;
            [InterpAudit.InterpretabilityAudit(".hidden")] public sealed class E : AuditBase;
            [InterpAudit.InterpretabilityAudit("a..b")] public sealed class F : AuditBase;
            """);

    [Fact]
    public Task Distinct_names_of_letters_digits_dashes_underscores_and_dots_are_not_reported() =>
        Verify.VerifyAsync("""
            [InterpAudit.InterpretabilityAudit("mnist-mlp")] public sealed class A : AuditBase;
            [InterpAudit.InterpretabilityAudit("Mnist_MLP.v2")] public sealed class B : AuditBase;
            [InterpAudit.InterpretabilityAudit("MNIST-MLP")] public sealed class C : AuditBase;
            """);
}
