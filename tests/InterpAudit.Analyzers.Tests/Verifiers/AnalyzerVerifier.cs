using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace InterpAudit.Analyzers.Tests.Verifiers;

/// <summary>
/// Runs one analyzer over C# source in which the expected findings are marked:
/// <c>{|IA0001:Min = 1.5|}</c> is a finding with that id on exactly that span. Every finding must be
/// marked and every mark found; the source must compile (warnings allowed).
/// </summary>
public static class AnalyzerVerifier<TAnalyzer> where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => new(descriptor);

    public static Task VerifyAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source };
        test.TestState.Sources.Add(("Support.cs", AuditTestSettings.Support));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    public sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
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
