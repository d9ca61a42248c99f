using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace InterpAudit.Analyzers.Tests.Verifiers;

/// <summary>
/// Checks a code fix: the marked findings in <c>source</c>, then the text after applying the fix
/// (one at a time and all at once), in which the analyzer must find nothing left to fix.
/// </summary>
public static class CodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public static Task VerifyAsync(string source, string fixedSource, params DiagnosticResult[] remaining)
    {
        var test = new Test { TestCode = source, FixedCode = fixedSource };
        test.TestState.Sources.Add(("Support.cs", AuditTestSettings.Support));
        test.FixedState.Sources.Add(("Support.cs", AuditTestSettings.Support));
        test.FixedState.ExpectedDiagnostics.AddRange(remaining);
        return test.RunAsync();
    }

    public sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = AuditTestSettings.NoPackages;
            TestState.AdditionalReferences.AddRange(AuditReferences.All);
            // IA0001 and IA0007 have one descriptor per message; markup names the id, and the
            // id, the span and any #n locations are what is compared.
            MarkupOptions = MarkupOptions.UseFirstDescriptor;
        }

        protected override ParseOptions CreateParseOptions() => AuditTestSettings.Parse(base.CreateParseOptions());

        protected override CompilationOptions CreateCompilationOptions() => AuditTestSettings.Compilation(base.CreateCompilationOptions());
    }
}
