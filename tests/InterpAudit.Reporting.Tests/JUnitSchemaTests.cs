using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using InterpAudit.Results;

namespace InterpAudit.Reporting.Tests;

/// <summary>
/// junit.xml is valid against Jenkins' junit-10 schema (restated in Schemas/junit-10-constraints.xsd;
/// Schemas/README.md says from which commit), less the two attributes GitLab reads that it lacks.
/// </summary>
public sealed class JUnitSchemaTests
{
    /// <summary>testcase/@file and @line: GitLab links a case to its source with them; junit-10 does not list them.</summary>
    private static readonly string[] Extension = ["file", "line"];

    private static readonly XmlSchemaSet Schema = LoadSchema();

    private static XmlSchemaSet LoadSchema()
    {
        var set = new XmlSchemaSet();
        using XmlReader reader = XmlReader.Create(Path.Combine(AppContext.BaseDirectory, "Schemas", "junit-10-constraints.xsd"));
        set.Add(null, reader);
        set.Compile();
        return set;
    }

    private static List<string> Violations(XDocument document)
    {
        var problems = new List<string>();
        document.Validate(Schema, (_, e) => problems.Add($"{e.Severity}: {e.Message}"));
        return problems;
    }

    /// <summary>The document with the extension removed from every case; how many attributes that removed.</summary>
    private static (XDocument Document, int Removed) WithoutExtension(string junit)
    {
        XDocument document = XDocument.Parse(junit);
        XAttribute[] extension = document.Descendants("testcase").Attributes().Where(a => Extension.Contains(a.Name.LocalName)).ToArray();
        foreach (XAttribute attribute in extension) attribute.Remove();
        return (document, extension.Length);
    }

    public static TheoryData<string> Results() => ["sample", "hostile", "passing", "timed", "unlocated"];

    private static AuditResult Result(string name)
    {
        AuditResult sample = SampleResults.Create();
        return name switch
        {
            "hostile" => HostileResults.Create(),
            "passing" => sample with { Checks = [sample.Checks[0]] },
            // Times with more decimals than junit-10's pattern allows, and over a thousand seconds.
            "timed" => sample with
            {
                TimingsSeconds = new Dictionary<string, double>(sample.TimingsSeconds) { ["measure:accuracy"] = 1234.56789 },
                Checks = sample.Checks.Select(c => c with { MeasurementKeys = ["accuracy"] }).ToList(),
            },
            "unlocated" => sample with { Checks = sample.Checks.Select(c => c with { Location = null }).ToList() },
            _ => sample,
        };
    }

    [Theory]
    [MemberData(nameof(Results))]
    public void Junit_xml_is_valid_against_junit_10_with_only_file_and_line_outside_it(string name)
    {
        AuditResult result = Result(name);
        (XDocument document, int removed) = WithoutExtension(SampleResults.Render(new JUnitWriter(), result));

        Assert.Empty(Violations(document));
        Assert.Equal("testsuites", document.Root!.Name.LocalName);
        // file and line come in pairs, one pair per located check.
        Assert.Equal(2 * result.Checks.Count(c => c.Location is not null), removed);
    }

    /// <summary>The restated schema is no formality: what junit-10 forbids, it rejects.</summary>
    [Theory]
    [InlineData("""<testsuites><testsuite name="a" tests="1" failures="0" errors="0"><testcase name="c" severity="error"/></testsuite></testsuites>""")]
    [InlineData("""<testsuites><testsuite name="a" tests="1" failures="0"><testcase name="c"/></testsuite></testsuites>""")]
    [InlineData("""<testsuites><testsuite name="a" tests="1" failures="0" errors="0" time="0.1234"><testcase name="c"/></testsuite></testsuites>""")]
    [InlineData("""<testsuites><testsuite name="a" tests="1" failures="0" errors="0"><properties><property name="p"/></properties></testsuite></testsuites>""")]
    [InlineData("""<testsuites><testsuite name="a" tests="1" failures="0" errors="0"><testcase name="c"><warning/></testcase></testsuite></testsuites>""")]
    [InlineData("""<testsuites><testsuite name="a" tests="1" failures="0" errors="0"><testcase name="c" file="a.cs" line="3"/></testsuite></testsuites>""")]
    public void The_schema_rejects_what_junit_10_does_not_allow(string junit)
    {
        Assert.NotEmpty(Violations(XDocument.Parse(junit)));
    }
}
