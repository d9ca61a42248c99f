using InterpAudit.Diagnostics;

namespace InterpAudit.Reporting.Tests;

/// <summary>
/// A user's report template (InterpAuditReportTemplate / --template): a Scriban file over the view model
/// of docs/report-template.md, whose mistakes are IA3031 with a line, and which cannot reach past its
/// own folder or make data into code.
/// </summary>
public sealed class ReportTemplateTests
{
    private static string Template(string text, string name = "report.scriban-html")
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory("interpaudit-template").FullName, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private static string Render(string templatePath) => SampleResults.Render(new HtmlReportWriter(templatePath), SampleResults.Create());

    [Fact]
    public void A_syntax_error_is_IA3031_naming_the_file_line_and_column()
    {
        string path = Template("<h1>{{ audit }}</h1>\n<p>{{ if passed > }}</p>\n");
        var e = Assert.Throws<AuditInputException>(() => new HtmlReportWriter(path));
        Assert.Equal(DiagnosticCodes.ReportTemplateInvalid, e.Code);
        Assert.Equal(path, e.File);
        Assert.Matches(@"^The report template '.+' is not usable: report\.scriban-html\(2,\d+\): ", e.Message);
        Assert.Contains("docs/report-template.md", e.Message);
    }

    [Fact]
    public void A_template_that_cannot_be_read_is_IA3031()
    {
        var e = Assert.Throws<AuditInputException>(() => new HtmlReportWriter("/nowhere/report.scriban-html"));
        Assert.Equal(DiagnosticCodes.ReportTemplateInvalid, e.Code);
        Assert.Contains("could not be read", e.Message);
    }

    [Fact]
    public void An_error_while_rendering_is_IA3031_with_its_line()
    {
        string path = Template("<p>{{ audit }}</p>\n{{ include 'sections/nothing' }}\n");
        var e = Assert.Throws<AuditInputException>(() => Render(path));
        Assert.Equal(DiagnosticCodes.ReportTemplateInvalid, e.Code);
        Assert.Contains("report.scriban-html(2,", e.Message);
        Assert.Contains("No partial named 'sections/nothing'", e.Message);
    }

    [Fact]
    public void A_syntax_error_in_a_partial_beside_the_template_is_IA3031_naming_the_partial()
    {
        string path = Template("{{ include 'mine' }}");
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(path)!, "mine.scriban-html"), "<p>\n{{ for x in }}\n");
        var e = Assert.Throws<AuditInputException>(() => Render(path));
        Assert.Equal(DiagnosticCodes.ReportTemplateInvalid, e.Code);
        Assert.Contains("mine.scriban-html(2,", e.Message);
    }

    [Theory]
    [InlineData("../secret")]
    [InlineData("/etc/passwd")]
    [InlineData("sections/../../secret")]
    public void Include_cannot_name_a_file_outside_the_template_folder(string name)
    {
        string path = Template($"{{{{ include '{name}' }}}}");
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(path)!, "..", "secret.scriban-html"), "SECRET");
        var e = Assert.Throws<AuditInputException>(() => Render(path));
        Assert.Contains("is not a partial name", e.Message);
    }

    /// <summary>object.eval and object.eval_template would parse a string as Scriban: they are not offered, and say so.</summary>
    [Theory]
    [InlineData("""{{ "1 + 1" | object.eval }}""", "object.eval")]
    [InlineData("""{{ "{{ 1 + 1 }}" | object.eval_template }}""", "object.eval_template")]
    public void Functions_that_evaluate_strings_as_templates_are_not_offered(string text, string function)
    {
        var e = Assert.Throws<AuditInputException>(() => Render(Template(text)));
        Assert.Equal(DiagnosticCodes.ReportTemplateInvalid, e.Code);
        Assert.Contains($"The function `{function}` was not found", e.Message);
    }

    [Fact]
    public void The_other_builtins_remain()
    {
        Assert.Equal("MNIST-MLP 3", Render(Template("{{ audit | string.upcase }} {{ checks | array.size }}")));
    }

    [Fact]
    public void A_user_template_includes_the_built_in_partials_and_may_replace_one_beside_it()
    {
        string path = Template("""
            <p>schema {{ schema }}</p>
            {{~ for section in sections ~}}
            {{ include section.partial }}
            {{~ end ~}}
            """);
        Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(path)!, "sections"));
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(path)!, "sections", "accepted.scriban-html"),
            "<p>mine: {{ for row in section.view.rows }}{{ row.reason }}{{ end }}</p>\n");

        string html = Render(path);

        Assert.StartsWith($"<p>schema {Results.AuditResult.CurrentSchema}</p>", html);
        Assert.Contains("<p>mine: relabelled zeros &lt;on purpose&gt;</p>", html);
        Assert.Contains("<section id=\"accuracy\">", html); // the built-in partial, for the section not replaced
    }

    [Fact]
    public void Markup_the_template_writes_is_its_own_and_values_are_escaped_in_attributes_too()
    {
        string path = Template("""<div title="{{ provenance[0].value }}" data-x='{{ "it's" }}'>{{ "<b>" }}</div>""");
        string html = SampleResults.Render(new HtmlReportWriter(path),
            SampleResults.Create() with { Model = SampleResults.Create().Model with { Type = "\" onclick=\"x" } });
        Assert.Equal("""<div title="&quot; onclick&#x3D;&quot;x" data-x='it&#39;s'>&lt;b&gt;</div>""", html);
    }
}
