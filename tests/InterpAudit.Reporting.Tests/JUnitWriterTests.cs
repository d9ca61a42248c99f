using System.Xml.Linq;
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
    public void One_test_case_per_check_with_failures_for_errors_and_system_err_for_warnings()
    {
        XDocument xml = XDocument.Parse(SampleResults.Render(new JUnitWriter(), SampleResults.Create()));
        XElement suite = xml.Root!.Element("testsuite")!;
        Assert.Equal("3", suite.Attribute("tests")!.Value);
        Assert.Equal("1", suite.Attribute("failures")!.Value);
        XElement[] cases = suite.Elements("testcase").ToArray();
        Assert.Equal(["accuracy(class=zero)", "accuracy(class=seven)", "accuracy(layer=fc2)"], cases.Select(c => c.Attribute("name")!.Value));
        Assert.Null(cases[0].Element("failure"));
        Assert.Equal("IA1001", cases[1].Element("failure")!.Attribute("type")!.Value);
        Assert.StartsWith("warning IA1001:", cases[2].Element("system-err")!.Value);
    }

    [Fact]
    public void User_strings_stay_well_formed_xml()
    {
        string text = SampleResults.Render(new JUnitWriter(), SampleResults.Create(className: "<a&\"b'>", layerName: "]]>"));
        XDocument xml = XDocument.Parse(text);
        Assert.Contains(xml.Descendants("testcase"), c => c.Attribute("name")!.Value == "accuracy(class=<a&\"b'>)");
    }
}
