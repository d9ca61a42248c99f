using System.Xml.Linq;
using InterpAudit.Results;
using Snapshooter.Xunit;

namespace InterpAudit.Reporting.Tests;

public sealed class JUnitWriterTests
{
    [Fact]
    public void Junit_xml_matches_its_snapshot()
    {
        Snapshot.Match(SampleResults.Render(new JUnitWriter(), SampleResults.Create()));
    }

    [Fact]
    public void One_test_case_per_check_with_failures_for_errors_and_warning_typed_failures_for_warnings()
    {
        XDocument xml = XDocument.Parse(SampleResults.Render(new JUnitWriter(), SampleResults.Create()));
        XElement suite = xml.Root!.Element("testsuite")!;
        Assert.Equal("3", suite.Attribute("tests")!.Value);
        // The error and the warning: GitLab and Azure DevOps show a message only for a failed case.
        Assert.Equal("2", suite.Attribute("failures")!.Value);
        Assert.Equal(suite.Attribute("failures")!.Value, xml.Root!.Attribute("failures")!.Value);
        XElement[] cases = suite.Elements("testcase").ToArray();
        Assert.Equal(["accuracy(class=zero)", "accuracy(class=seven)", "accuracy(layer=fc2)"], cases.Select(c => c.Attribute("name")!.Value));
        Assert.Null(cases[0].Element("failure"));
        Assert.Equal("IA1001", cases[1].Element("failure")!.Attribute("type")!.Value);
        XElement warning = cases[2].Element("failure")!;
        Assert.Equal("warning", warning.Attribute("type")!.Value);
        Assert.Equal("warning IA1001: accuracy(layer=fc2) = 0.89 < min 0.90 (a warning: the build passes)", warning.Attribute("message")!.Value);
        Assert.StartsWith("warning IA1001:", cases[2].Element("system-err")!.Value);
    }

    [Fact]
    public void A_case_takes_the_time_of_the_measurements_it_used_first_and_the_cases_add_up_to_the_suite()
    {
        AuditResult sample = SampleResults.Create();
        // Both accuracy checks use the accuracy measurement (2.5 s); the third also uses a modularity one (0.75 s).
        AuditResult result = sample with
        {
            TimingsSeconds = new Dictionary<string, double>(sample.TimingsSeconds) { ["measure:accuracy"] = 2.5, ["measure:modularity:fc2:k=4"] = 0.75 },
            Checks =
            [
                sample.Checks[0] with { MeasurementKeys = ["accuracy"] },
                sample.Checks[1] with { MeasurementKeys = ["accuracy"] },
                sample.Checks[2] with { MeasurementKeys = ["accuracy", "modularity:fc2:k=4"] },
            ],
        };
        XDocument xml = XDocument.Parse(SampleResults.Render(new JUnitWriter(), result));
        XElement suite = xml.Root!.Element("testsuite")!;
        Assert.Equal(["2.5", "0", "0.75"], suite.Elements("testcase").Select(c => c.Attribute("time")!.Value));
        Assert.Equal("3.25", suite.Attribute("time")!.Value);
        Assert.Equal("3.25", xml.Root!.Attribute("time")!.Value);
        // The wall times that are no case's are properties.
        Assert.Equal("0.25", suite.Descendants("property").Single(p => p.Attribute("name")!.Value == "loadSeconds").Attribute("value")!.Value);
        Assert.Equal("1.5", suite.Descendants("property").Single(p => p.Attribute("name")!.Value == "checksSeconds").Attribute("value")!.Value);
    }

    [Fact]
    public void User_strings_stay_well_formed_xml()
    {
        string text = SampleResults.Render(new JUnitWriter(), SampleResults.Create(className: "<a&\"b'>", layerName: "]]>"));
        XDocument xml = XDocument.Parse(text);
        Assert.Contains(xml.Descendants("testcase"), c => c.Attribute("name")!.Value == "accuracy(class=<a&\"b'>)");
    }
}
