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
    public async Task A_layer_the_sample_model_lacks_is_reported_with_the_names_it_registers()
    {
        var test = new AnalyzerVerifier<LayerNameAnalyzer>.Test();
        test.TestState.Sources.Add(("MnistMlp.cs", await File.ReadAllTextAsync(RepositoryFiles.PathOf("samples", "MnistAudit", "Model", "MnistMlp.cs"))));
        test.TestState.Sources.Add(("Support.cs", AuditTestSettings.Support));
        test.TestState.Sources.Add(("ImplicitUsings.g.cs", ImplicitUsings));
        test.TestState.Sources.Add(("Audit.cs", """
            using static TorchSharp.torch;

            [InterpAudit.InterpretabilityAudit("mnist-mlp")]
            [ProbeCheck("fc2", MinBits = 1)]
            [ProbeCheck({|#0:"fc4"|}, MinBits = 1)]
            public sealed class Audit : AuditBase
            {
                public override nn.Module<Tensor, Tensor> CreateModel() => new MnistAudit.Model.MnistMlp();
            }
            """));
        // Only the registered names: MnistMlp's _fc1… fields are not layers, as it never calls RegisterComponents().
        test.ExpectedDiagnostics.Add(AnalyzerVerifier<LayerNameAnalyzer>.Diagnostic(Rules.UnknownLayer).WithLocation(0)
            .WithArguments("fc4", "MnistMlp", "'fc1', 'relu1', 'fc2', 'relu2', 'fc3'"));
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
