using System.Reflection;
using System.Text.RegularExpressions;
using InterpAudit.Checks;
using InterpAudit.Diagnostics;

namespace InterpAudit.Tests.Diagnostics;

public sealed class DiagnosticCodesTests
{
    private static IReadOnlyList<string> EngineCodes() =>
        typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();

    /// <summary>Every check family's bounds, by family: the IA1xxx codes live with the bounds.</summary>
    private static ILookup<string, string> FamilyCodes() =>
        typeof(AuditCheckAttribute).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(AuditCheckAttribute).IsAssignableFrom(t))
            .SelectMany(t => DeclaredLimits.BoundsOf(t).Select(b => (Family: FamilyName.Of(t), b.Code)))
            .Distinct()
            .ToLookup(x => x.Family, x => x.Code);

    private static IReadOnlyList<string> Codes() => EngineCodes().Concat(FamilyCodes().SelectMany(g => g).Distinct()).ToList();

    [Fact]
    public void Every_family_code_is_a_threshold_code_of_that_family_alone()
    {
        ILookup<string, string> families = FamilyCodes();
        Assert.True(families.Count >= 7, $"found {families.Count} families with bounds");
        Assert.All(families.SelectMany(g => g), c => Assert.Matches(@"^IA1\d{3}$", c));
        var owners = families.SelectMany(g => g.Select(code => (code, family: g.Key))).GroupBy(x => x.code);
        Assert.All(owners, o => Assert.Single(o.Select(x => x.family).Distinct()));
        Assert.Empty(EngineCodes().Intersect(families.SelectMany(g => g)));
    }

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

    [Fact]
    public void The_tolerance_table_in_docs_diagnostics_md_is_the_one_the_bounds_declare()
    {
        string docs = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "diagnostics.md"));
        var documented = Regex.Matches(docs, @"^\| (\w+) \| `(\w+)` \| ([^|]+) \|$", RegexOptions.Multiline)
            .Select(m => (Family: m.Groups[1].Value, Metric: m.Groups[2].Value, Text: m.Groups[3].Value.Trim()))
            .ToHashSet();
        var declared = typeof(AuditCheckAttribute).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(AuditCheckAttribute).IsAssignableFrom(t))
            .SelectMany(t => DeclaredLimits.BoundsOf(t).Select(b => (Family: FamilyName.Of(t), b.Metric, Text: b.Tolerance.ToString())))
            .ToHashSet();
        Assert.Equal(declared.Order(), documented.Order());
    }

    private static string RepoRoot()
    {
        for (DirectoryInfo? d = new(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "InterpAudit.sln"))) return d.FullName;
        throw new InvalidOperationException("repository root not found");
    }
}
