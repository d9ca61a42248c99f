using System.Text.RegularExpressions;
using InterpAudit.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;

namespace InterpAudit.Analyzers.Tests;

/// <summary>Every rule can be looked up: a help link to its own section of docs/diagnostics.md, which states its severity.</summary>
public sealed class RulesDocumentationTests
{
    private static readonly IReadOnlyList<string> RuleIds =
        AllAnalyzersTest.Analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct().Order(StringComparer.Ordinal).ToList();

    public static TheoryData<string> Ids() => new(RuleIds);

    private static IEnumerable<DiagnosticDescriptor> Descriptors(string id) =>
        AllAnalyzersTest.Analyzers.SelectMany(a => a.SupportedDiagnostics).Where(d => d.Id == id);

    [Fact]
    public void The_rules_are_IA0001_to_IA0007() =>
        Assert.Equal(Enumerable.Range(1, 7).Select(n => $"IA{n:D4}"), RuleIds);

    [Theory]
    [MemberData(nameof(Ids))]
    public void Each_rule_links_to_its_section_which_states_its_severity(string id)
    {
        string docs = File.ReadAllText(RepositoryFiles.PathOf("docs", "diagnostics.md"));
        Match section = Regex.Match(docs, $"<a id=\"{id.ToLowerInvariant()}\"></a>\\n### {id} — [^\\n]+\\((?<severity>error|warning)\\)\\n");
        Assert.True(section.Success, $"docs/diagnostics.md has no '<a id=\"{id.ToLowerInvariant()}\"></a>' followed by '### {id} — … (error|warning)'");

        foreach (DiagnosticDescriptor descriptor in Descriptors(id))
        {
            Assert.Equal($"https://github.com/interpaudit/interpaudit/blob/main/docs/diagnostics.md#{id.ToLowerInvariant()}", descriptor.HelpLinkUri);
            Assert.Equal(section.Groups["severity"].Value, descriptor.DefaultSeverity.ToString().ToLowerInvariant());
            Assert.Equal("InterpAudit", descriptor.Category);
            Assert.True(descriptor.IsEnabledByDefault);
        }
        Assert.Single(Descriptors(id).Select(d => (d.Title.ToString(), d.DefaultSeverity)).Distinct());
    }
}
