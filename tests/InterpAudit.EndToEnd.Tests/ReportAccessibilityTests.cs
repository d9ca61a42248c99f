using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace InterpAudit.EndToEnd.Tests;

/// <summary>
/// The built-in template's pages in headless Chromium: axe-core finds no accessibility violation, and
/// with the print styles applied every table fits an A4 page's width. The pages are the Reporting
/// tests' committed snapshots of report.html (kept equal to the template's output by those tests), so
/// this needs neither the sample's training nor a build of the tool.
/// </summary>
public sealed class ReportAccessibilityTests
{
    private const string AxeVersion = "4.14.1";

    /// <summary>The npm registry's integrity of axe-core-4.14.1.tgz: the script run in the page is the one reviewed.</summary>
    private const string AxeIntegrity = "sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ==";

    /// <summary>A4 is 210 mm; less 12 mm margins each side (report.css's @page) is 186 mm ≈ 703 CSS px.</summary>
    private const int A4ContentPixels = 703;

    public static TheoryData<string> Pages() => new(Directory.GetFiles(
            Path.Combine(DotnetBuild.RepoRoot, "tests", "InterpAudit.Reporting.Tests", "__snapshots__"), "*.snap")
        .Where(p => File.ReadAllText(p).StartsWith("<!DOCTYPE html>", StringComparison.Ordinal))
        .Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(Pages))]
    public void Axe_core_finds_no_violation(string page)
    {
        string axe = File.ReadAllText(AxeScript());
        string result = Measure(page, html => html, "<script>" + axe + "</script><script>"
            + "axe.run(document, { resultTypes: ['violations'] }).then(function (r) { document.body.setAttribute('data-result', JSON.stringify("
            + "r.violations.map(function (v) { return v.id + ': ' + v.nodes.map(function (n) { return n.target.join(' '); }).join(', '); }))); });</script>", 1000);
        Assert.Equal([], JsonSerializer.Deserialize<string[]>(result)!);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Printed_every_table_fits_the_width_of_an_A4_page(string page)
    {
        // Chromium cannot be told to lay out for print from the command line; applying the print rules
        // to the screen at the page's printable width gives the same layout of the tables.
        string result = Measure(page, html => html.Replace("@media print", "@media all", StringComparison.Ordinal), "<script>"
            + "document.body.setAttribute('data-result', JSON.stringify(Array.prototype.map.call(document.querySelectorAll('table'),"
            + " function (t) { return t.scrollWidth - document.body.clientWidth; })));</script>", A4ContentPixels);
        int[] overflow = JsonSerializer.Deserialize<int[]>(result)!;
        Assert.NotEmpty(overflow);
        Assert.All(overflow, px => Assert.True(px <= 0, $"a table is {px} px wider than the page: [{string.Join(", ", overflow)}]"));
    }

    /// <summary>Renders the page with <paramref name="script"/> appended, which leaves its answer in body's data-result.</summary>
    private static string Measure(string page, Func<string, string> transform, string script, int width)
    {
        string html = transform(File.ReadAllText(Path.Combine(DotnetBuild.RepoRoot, "tests", "InterpAudit.Reporting.Tests", "__snapshots__", page)));
        string file = Path.Combine(Directory.CreateTempSubdirectory("interpaudit-a11y").FullName, "report.html");
        File.WriteAllText(file, html.Replace("</body>", script + "</body>", StringComparison.Ordinal));
        HeadlessChromium.Run run = HeadlessChromium.Start($"--window-size={width},1000", "--hide-scrollbars", "--virtual-time-budget=10000", "--dump-dom", new Uri(file).AbsoluteUri);
        Match found = Regex.Match(run.StandardOutput, "data-result=\"([^\"]*)\"");
        Assert.True(found.Success, $"the page's script left no result (exit code {run.ExitCode})");
        return System.Net.WebUtility.HtmlDecode(found.Groups[1].Value);
    }

    /// <summary>axe.min.js from the npm registry's tarball, fetched once per machine into the temp folder and checked against its integrity.</summary>
    private static string AxeScript()
    {
        string cache = Path.Combine(Path.GetTempPath(), $"interpaudit-axe-core-{AxeVersion}");
        string script = Path.Combine(cache, "package", "axe.min.js");
        if (File.Exists(script)) return script;
        Directory.CreateDirectory(cache);
        Exec(cache, "npm", "pack", "--silent", $"axe-core@{AxeVersion}");
        string tarball = Path.Combine(cache, $"axe-core-{AxeVersion}.tgz");
        string integrity = "sha512-" + Convert.ToBase64String(SHA512.HashData(File.ReadAllBytes(tarball)));
        Assert.True(integrity == AxeIntegrity, $"axe-core-{AxeVersion}.tgz has integrity {integrity}, expected {AxeIntegrity}");
        Exec(cache, "tar", "-xzf", tarball, "package/axe.min.js");
        return script;
    }

    private static void Exec(string directory, string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        using Process process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error.Result}");
    }
}
