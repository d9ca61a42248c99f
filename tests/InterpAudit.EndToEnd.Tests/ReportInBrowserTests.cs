namespace InterpAudit.EndToEnd.Tests;

/// <summary>The sample's report.html as a reviewer sees it, in headless Chromium.</summary>
[Collection("sample")]
public sealed class ReportInBrowserTests(SampleProject sample)
{
    private string ReportUrl(string audit) => new Uri(Path.Combine(sample.OutputOf(audit), "report.html")).AbsoluteUri;

    // The plain model passes with a warning (its report-only modularity check); the modular one passes.
    [Theory]
    [InlineData("mnist-mlp", "PASS WITH WARNINGS")]
    [InlineData("mnist-mlp-modular", "PASS")]
    public void The_report_loads_offline_without_console_errors(string audit, string verdict)
    {
        Assert.True(sample.FirstBuild.Succeeded, sample.FirstBuild.ToString());
        HeadlessChromium.Run run = HeadlessChromium.Start("--dump-dom", ReportUrl(audit));
        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"id=\"verdict\">{verdict}</div>", run.StandardOutput);
        // Chromium logs page console messages (and failed loads) as "CONSOLE(…)" lines on stderr.
        Assert.DoesNotContain("CONSOLE", run.StandardError);
        Assert.DoesNotContain("ERR_", run.StandardError.Split('\n').Where(l => l.Contains("file://", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("mnist-mlp", 0x9a, 0x67, 0x00)]         // --warn
    [InlineData("mnist-mlp-modular", 0x1a, 0x7f, 0x37)] // --pass
    public void The_verdict_is_visible_as_white_text_on_the_verdict_colour(string audit, int red, int green, int blue)
    {
        string screenshot = Path.Combine(Directory.CreateTempSubdirectory("interpaudit-shot").FullName, "report.png");
        HeadlessChromium.Run run = HeadlessChromium.Start("--window-size=1000,700", "--hide-scrollbars", $"--screenshot={screenshot}", ReportUrl(audit));
        Assert.True(File.Exists(screenshot), run.StandardError);
        PngImage image = PngImage.Read(screenshot);

        // The verdict colour marks the verdict box; find its bounding box near the top.
        int left = int.MaxValue, top = int.MaxValue, right = -1, bottom = -1;
        for (int y = 0; y < Math.Min(250, image.Height); y++)
            for (int x = 0; x < image.Width; x++)
                if (Near(image[x, y], (red, green, blue)))
                    (left, top, right, bottom) = (Math.Min(left, x), Math.Min(top, y), Math.Max(right, x), Math.Max(bottom, y));
        Assert.True(right - left > 40 && bottom - top > 20, $"no verdict box found (box {left},{top}–{right},{bottom})");

        int white = 0;
        for (int y = top; y <= bottom; y++)
            for (int x = left; x <= right; x++)
                if (Near(image[x, y], (255, 255, 255))) white++;
        Assert.True(white > 150, $"the verdict box has no legible text ({white} white pixels)");
    }

    private static bool Near((byte R, byte G, byte B) pixel, (int R, int G, int B) colour) =>
        Math.Abs(pixel.R - colour.R) < 12 && Math.Abs(pixel.G - colour.G) < 12 && Math.Abs(pixel.B - colour.B) < 12;
}
