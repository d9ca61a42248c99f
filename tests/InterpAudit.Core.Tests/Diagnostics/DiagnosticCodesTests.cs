using System.Reflection;
using System.Text.RegularExpressions;
using InterpAudit.Diagnostics;

namespace InterpAudit.Tests.Diagnostics;

public sealed class DiagnosticCodesTests
{
    private static IReadOnlyList<string> Codes() =>
        typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();

    [Fact]
    public void Every_code_is_unique_and_well_formed()
    {
        IReadOnlyList<string> codes = Codes();
        Assert.All(codes, c => Assert.Matches(@"^IA\d{4}$", c));
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }

    [Fact]
    public void Every_code_is_explained_in_docs_diagnostics_md()
    {
        string docs = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "diagnostics.md"));
        HashSet<string> documented = Regex.Matches(docs, @"IA\d{4}").Select(m => m.Value).ToHashSet();
        Assert.All(Codes(), c => Assert.Contains(c, documented));
    }

    private static string RepoRoot()
    {
        for (DirectoryInfo? d = new(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "InterpAudit.sln"))) return d.FullName;
        throw new InvalidOperationException("repository root not found");
    }
}
