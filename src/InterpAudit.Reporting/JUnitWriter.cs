using System.Globalization;
using System.Xml;
using InterpAudit.Results;

namespace InterpAudit.Reporting;

/// <summary>
/// junit.xml: one test case per check and scope, for CI test tabs. A failed error-severity check is a
/// <c>failure</c> typed by its finding code. A failed warning-severity check is a <c>failure</c> of
/// type <c>warning</c> whose message starts "warning": GitLab's and Azure DevOps' test tabs show a
/// message (and system-err) only for failed tests, so a passing case would hide it; the build itself
/// still passes. Each case's <c>time</c> is that of the measurements it was the first to use, so the
/// cases' times add up to the suite's. Valid against Jenkins' junit-10 schema but for each case's
/// <c>file</c> and <c>line</c>, which GitLab reads (docs/provenance.md); <c>file</c> is relative to the
/// repository root as every output's paths are.
/// </summary>
public sealed class JUnitWriter : IReportWriter
{
    public string FileName => "junit.xml";

    public void Write(AuditResult result, Stream destination)
    {
        // Warnings are failures here too (see the summary), so the counts match the failure elements.
        int failures = result.Checks.Count(c => c.FailsGate);
        double[] times = CaseTimes(result);
        string seconds = Seconds(times.Sum());
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
        Property(xml, "dataset", result.Dataset.Name);
        Property(xml, "split", result.Dataset.Split);
        Property(xml, "samples", result.Dataset.SampleCount.ToString(CultureInfo.InvariantCulture));
        Property(xml, "device", result.Device);
        Property(xml, "seed", result.Seed.ToString(CultureInfo.InvariantCulture));
        Property(xml, "toolVersion", result.ToolVersion);
        if (result.ConfigurationSha256 is { } configuration) Property(xml, "configurationSha256", configuration);
        if (result.SourceRevision is { } revision) Property(xml, "sourceRevision", revision);
        // The wall times that are no test case's: loading the model, and the whole check pass (which
        // includes the measurements the cases' times are made of).
        foreach (string phase in (string[])["load", "checks"])
            if (result.TimingsSeconds.TryGetValue(phase, out double phaseSeconds)) Property(xml, phase + "Seconds", Seconds(phaseSeconds));
        xml.WriteEndElement();

        foreach ((CheckResult check, double time) in result.Checks.Zip(times))
        {
            xml.WriteStartElement("testcase");
            xml.WriteAttributeString("classname", $"{result.Audit}.{check.Family}");
            xml.WriteAttributeString("name", Formatting.Subject(check));
            xml.WriteAttributeString("time", Seconds(time));
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
                string warning = $"warning {Formatting.FindingCode(check)}: {Formatting.GateMessage(check)}";
                xml.WriteStartElement("failure");
                xml.WriteAttributeString("type", "warning");
                xml.WriteAttributeString("message", warning + " (a warning: the build passes)");
                xml.WriteString(warning);
                xml.WriteEndElement();
                xml.WriteElementString("system-err", warning);
            }
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    /// <summary>
    /// Per check, the time of the measurements it was the first to use (measure:&lt;key&gt; in the
    /// timings); a measurement shared by several checks counts once, for the first, so the times sum to
    /// the measurements' total. Results without measurement keys get 0.
    /// </summary>
    internal static double[] CaseTimes(AuditResult result)
    {
        var counted = new HashSet<string>(StringComparer.Ordinal);
        return result.Checks.Select(c => c.MeasurementKeys.Where(counted.Add)
            .Sum(key => result.TimingsSeconds.GetValueOrDefault("measure:" + key))).ToArray();
    }

    private static string Seconds(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static void Property(XmlWriter xml, string name, string value)
    {
        xml.WriteStartElement("property");
        xml.WriteAttributeString("name", name);
        xml.WriteAttributeString("value", value);
        xml.WriteEndElement();
    }
}
