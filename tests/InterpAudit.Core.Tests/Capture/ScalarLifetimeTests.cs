using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TorchSharp;

namespace InterpAudit.Tests.Capture;

/// <summary>
/// No TorchSharp call in the audit or the training library takes a temporary Scalar, which its
/// finalizer may free while libtorch reads it (<c>HeldScalars</c>): neither an implicit conversion
/// to <see cref="Scalar"/> nor a Tensor operator with a number operand, which converts inside
/// TorchSharp. Read from the sources with the compiler's own binding, so an overload picked by
/// type is seen as the build sees it.
/// </summary>
public sealed class ScalarLifetimeTests
{
    [Theory]
    [InlineData("src/InterpAudit.Core")]
    [InlineData("src/InterpAudit.Training")]
    public void No_call_into_libtorch_takes_a_Scalar_that_may_be_freed_during_it(string project)
    {
        string directory = Path.Combine(RepositoryRoot(), project);
        List<SyntaxTree> sources = Directory.GetFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Select(f => Parse(File.ReadAllText(f), Path.GetRelativePath(directory, f))).ToList();
        Assert.NotEmpty(sources);

        (CSharpCompilation compilation, List<string> temporaries) = Scan(sources);
        // Binding with errors could miss a call: only the regex source generator's missing half is allowed.
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && d.Id != "CS8795").Select(d => d.ToString()));
        Assert.Empty(temporaries);
    }

    [Fact]
    public void The_scan_finds_a_converted_number_and_a_number_operand_and_passes_a_held_Scalar()
    {
        SyntaxTree planted = Parse("""
            using TorchSharp;
            using static TorchSharp.torch;
            static class Planted
            {
                static readonly Scalar Zero = 0.ToScalar();
                static Tensor Converted(Tensor t) => t.le(0);
                static Tensor Operand(Tensor t) => t / 2;
                static Tensor Held(Tensor t) => t.le(Zero);
                static Tensor Local(Tensor t, double x) { using Scalar s = x.ToScalar(); return t.mul(s); }
            }
            """, "Planted.cs");
        (CSharpCompilation compilation, List<string> temporaries) = Scan([planted]);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()));
        Assert.Equal(["Planted.cs:6: 0 converted to a Scalar", "Planted.cs:7: t / 2 (operator /(Tensor, int))"], temporaries);
    }

    private static (CSharpCompilation Compilation, List<string> Temporaries) Scan(IReadOnlyList<SyntaxTree> sources)
    {
        // The projects' implicit usings.
        SyntaxTree usings = Parse("global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; global using System.Net.Http; global using System.Threading; global using System.Threading.Tasks;", "Usings.cs");
        IEnumerable<MetadataReference> references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Concat(AppDomain.CurrentDomain.GetAssemblies().Where(a => !a.IsDynamic && a.Location.Length > 0).Select(a => a.Location))
            .Concat([typeof(Scalar).Assembly.Location, typeof(MathNet.Numerics.Control).Assembly.Location, typeof(InterpretabilityAuditAttribute).Assembly.Location, typeof(InterpAudit.Auditing.AuditEngine).Assembly.Location])
            .Where(File.Exists).Distinct(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create("scan", [.. sources, usings], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));
        var temporaries = new List<string>();
        foreach (SyntaxTree tree in sources)
        {
            SemanticModel model = compilation.GetSemanticModel(tree);
            string At(SyntaxNode node) => $"{tree.FilePath}:{tree.GetLineSpan(node.Span).StartLinePosition.Line + 1}";
            foreach (SyntaxNode node in tree.GetRoot().DescendantNodes())
            {
                if (node is ExpressionSyntax expression && model.GetConversion(expression) is { IsUserDefined: true, IsImplicit: true }
                    && model.GetTypeInfo(expression).ConvertedType?.ToDisplayString() == "TorchSharp.Scalar")
                    temporaries.Add($"{At(node)}: {expression} converted to a Scalar");
                if (node is BinaryExpressionSyntax binary && model.GetSymbolInfo(binary).Symbol is IMethodSymbol { MethodKind: MethodKind.UserDefinedOperator } op
                    && op.ContainingType.ToDisplayString() == "TorchSharp.torch.Tensor" && op.Parameters.Any(p => p.Type.SpecialType != SpecialType.None))
                    temporaries.Add($"{At(node)}: {binary} (operator {binary.OperatorToken.Text}({string.Join(", ", op.Parameters.Select(p => p.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)))}))");
            }
        }
        return (compilation, temporaries);
    }

    private static SyntaxTree Parse(string text, string path) =>
        CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Preview), path);

    private static string RepositoryRoot()
    {
        string root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "InterpAudit.sln"))) root = Path.GetDirectoryName(root)!;
        return root;
    }
}
