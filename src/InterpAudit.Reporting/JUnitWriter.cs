using System.Globalization;
using System.Xml;
using InterpAudit.Results;

namespace InterpAudit.Reporting;

/// <summary>
/// junit.xml: one test case per check and scope, for CI test tabs. A failed error-severity check is a
/// <c>failure</c>; a failed warning-severity check passes with the warning in <c>system-err</c>, as
/// it passes the build.
/// </summary>
public sealed class JUnitWriter : IReportWriter
{
    public string FileName => "junit.xml";

    public void Write(AuditResult result, Stream destination)
    {
        int failures = result.Checks.Count(c => c.FailsGate && c.Severity == CheckSeverity.Error);
        string seconds = result.TimingsSeconds.Values.Sum().ToString("0.###", CultureInfo.InvariantCulture);
        using var xml = XmlWriter.Create(destination, new XmlWriterSettings { Indent = true, Encoding = new System.Text.UTF8Encoding(false) });
        xml.WriteStartDocument();
        xml.WriteStartElement("testsuites");
        xml.WriteAttributeString("name", "InterpAudit");
        xml.WriteAttributeString("tests", result.Checks.Count.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("failures", failures.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("time", seconds);

        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", result.Audit);
        xml.WriteAttributeString("tests", result.Checks.Count.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("failures", failures.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("errors", "0");
        xml.WriteAttributeString("skipped", "0");
        xml.WriteAttributeString("time", seconds);
        xml.WriteAttributeString("timestamp", result.StartedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture));

        xml.WriteStartElement("properties");
        Property(xml, "model", result.Model.Type);
        Property(xml, "weightsSha256", result.Model.WeightsSha256);
        Property(xml, "datasetSha256", result.Dataset.Sha256);
        Property(xml, "samples", result.Dataset.SampleCount.ToString(CultureInfo.InvariantCulture));
        Property(xml, "device", result.Device);
        Property(xml, "seed", result.Seed.ToString(CultureInfo.InvariantCulture));
        Property(xml, "toolVersion", result.ToolVersion);
        xml.WriteEndElement();

        foreach (CheckResult check in result.Checks)
        {
            xml.WriteStartElement("testcase");
            xml.WriteAttributeString("classname", $"{result.Audit}.{check.Family}");
            xml.WriteAttributeString("name", Formatting.Subject(check));
            xml.WriteAttributeString("time", "0");
            if (check.Location is { } location)
            {
                xml.WriteAttributeString("file", location.File);
                xml.WriteAttributeString("line", location.Line.ToString(CultureInfo.InvariantCulture));
            }
            if (check.FailsGate && check.Severity == CheckSeverity.Error)
            {
                xml.WriteStartElement("failure");
                xml.WriteAttributeString("type", Formatting.FindingCode(check));
                xml.WriteAttributeString("message", Formatting.GateMessage(check));
                xml.WriteString($"{Formatting.FindingCode(check)}: {Formatting.GateMessage(check)} (value {Formatting.Number(check.Value)}, 95% interval {Formatting.Interval(check.Interval)}, declared at {Formatting.Location(check.Location)})");
                xml.WriteEndElement();
            }
            else if (check.FailsGate)
            {
                xml.WriteElementString("system-err", $"warning {Formatting.FindingCode(check)}: {Formatting.GateMessage(check)}");
            }
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void Property(XmlWriter xml, string name, string value)
    {
        xml.WriteStartElement("property");
        xml.WriteAttributeString("name", name);
        xml.WriteAttributeString("value", value);
        xml.WriteEndElement();
    }
}
