using InterpAudit.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;

namespace InterpAudit.Analyzers.Tests;

/// <summary>
/// Every analyzer over real files of this repository: the sample must be clean, and the
/// deliberate mistakes in tests/fixtures/AnalyzerMistakes must produce exactly the findings marked
/// in them (<c>{|IA0001:…|}</c>), no more and no fewer.
/// </summary>
public sealed class SampleAndFixtureTests
{
    /// <summary>What the SDK's ImplicitUsings adds to a project such as the sample.</summary>
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    [Fact]
    public async Task The_sample_has_no_findings()
    {
        IReadOnlyList<string> files = RepositoryFiles.SourcesUnder("samples", "MnistAudit");
        Assert.Contains(files, f => f.EndsWith("MnistMlpAudit.cs", StringComparison.Ordinal));

        var test = new AllAnalyzersTest();
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        foreach (string file in files)
            test.TestState.Sources.Add((file, await File.ReadAllTextAsync(file)));
        test.TestState.Sources.Add(("ImplicitUsings.g.cs", ImplicitUsings));
        await test.RunAsync();
    }

    [Fact]
    public async Task The_mistakes_fixture_has_exactly_the_marked_findings()
    {
        IReadOnlyList<string> files = RepositoryFiles.SourcesUnder("tests", "fixtures", "AnalyzerMistakes");
        var test = new AllAnalyzersTest();
        foreach (string file in files)
            test.TestState.Sources.Add((file, await File.ReadAllTextAsync(file)));
        test.TestState.Sources.Add(("ImplicitUsings.g.cs", ImplicitUsings));
        await test.RunAsync();

        // Every rule is exercised, so a rule that stopped reporting would fail here too.
        string marked = string.Concat(files.Select(File.ReadAllText));
        Assert.All(AllAnalyzersTest.Analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct(),
            id => Assert.Contains("{|" + id + ":", marked, StringComparison.Ordinal));
    }
}
