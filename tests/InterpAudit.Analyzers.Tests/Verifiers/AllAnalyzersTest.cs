using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace InterpAudit.Analyzers.Tests.Verifiers;

/// <summary>Every analyzer InterpAudit.Analyzers ships, over a set of files, as the compiler runs them in a build.</summary>
public sealed class AllAnalyzersTest : CSharpAnalyzerTest<EmptyDiagnosticAnalyzer, DefaultVerifier>
{
    public AllAnalyzersTest()
    {
        ReferenceAssemblies = AuditTestSettings.NoPackages;
        TestState.AdditionalReferences.AddRange(AuditReferences.All);
        MarkupOptions = MarkupOptions.UseFirstDescriptor;
    }

    /// <summary>Found by reflection, so that a new analyzer cannot be left out of these tests.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } = typeof(Rules).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => Analyzers;

    protected override ParseOptions CreateParseOptions() => AuditTestSettings.Parse(base.CreateParseOptions());

    protected override CompilationOptions CreateCompilationOptions() => AuditTestSettings.Compilation(base.CreateCompilationOptions());
}
