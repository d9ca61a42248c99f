using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using InterpAudit.Reporting;
using InterpAudit.Reporting.Tests;

namespace InterpAudit.Bench;

/// <summary>
/// report.html's size and how long headless Chromium takes to load it (issue #20: a 100-class, 20-layer
/// report at most 1.5 MB and under 0.5 s). The load time is the page's own clock: a script appended to
/// the page waits for the load event, forces layout, and writes performance.now() — milliseconds since
/// navigation began, so the browser's start-up is not in it — where --dump-dom prints it. Printing is
/// timed as the whole chromium --print-to-pdf process, beside the same process on an empty page, whose
/// time is the start-up alone. Runs are interleaved across the pages so that a change in the machine's
/// load falls on all of them alike.
/// </summary>
internal static class ReportLoad
{
    private const string Chromium = "/usr/bin/chromium";

    private const string Probe = "<script>addEventListener('load', function () { document.body.getBoundingClientRect();"
        + " document.body.setAttribute('data-loaded-ms', performance.now().toFixed(1)); });</script>";

    public static void Run(int runs, IReadOnlyList<string> extraPages, string repoRoot)
    {
        string folder = Directory.CreateTempSubdirectory("interpaudit-report-bench").FullName;
        var pages = new List<(string Name, string Path)>();
        string synthetic = Path.Combine(folder, "synthetic-100-classes-20-layers.html");
        using (FileStream file = File.Create(synthetic)) new HtmlReportWriter().Write(LargeResults.Create(), file);
        pages.Add(("synthetic 100 classes × 20 layers", synthetic));
        foreach (string audit in new[] { "mnist-mlp", "mnist-mlp-modular" })
        {
            string sample = Path.Combine(repoRoot, "samples/MnistAudit/bin/Debug/net10.0/interpaudit", audit, "report.html");
            if (File.Exists(sample)) pages.Add(($"sample {audit}", sample));
            else Console.WriteLine($"{audit} skipped: build samples/MnistAudit first (needs {sample}).");
        }
        pages.AddRange(extraPages.Select(p => (Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(p))) + "/" + Path.GetFileName(p), p)));
        string empty = Path.Combine(folder, "empty.html");
        File.WriteAllText(empty, "<!DOCTYPE html><html lang=\"en\"><head><title>empty</title></head><body></body></html>");

        var probed = pages.Select(p =>
        {
            string copy = Path.Combine(folder, $"probe-{pages.IndexOf(p)}.html");
            File.WriteAllText(copy, File.ReadAllText(p.Path).Replace("</body>", Probe + "</body>", StringComparison.Ordinal));
            return copy;
        }).ToArray();

        var load = pages.Select(_ => new List<double>()).ToArray();
        var print = pages.Select(_ => new List<double>()).ToArray();
        var startUp = new List<double>();
        Console.WriteLine($"report load in {Chromium} · {runs} runs each · load average {File.ReadAllText("/proc/loadavg").Trim()}");
        for (int run = 0; run < runs; run++)
        {
            startUp.Add(Seconds(() => Browser("--print-to-pdf=" + Path.Combine(folder, "empty.pdf"), new Uri(empty).AbsoluteUri)));
            for (int p = 0; p < pages.Count; p++)
            {
                string dom = Browser("--dump-dom", new Uri(probed[p]).AbsoluteUri);
                Match loaded = Regex.Match(dom, "data-loaded-ms=\"([0-9.]+)\"");
                if (!loaded.Success) throw new InvalidOperationException($"{pages[p].Name}: the page's probe left no time");
                load[p].Add(double.Parse(loaded.Groups[1].Value, CultureInfo.InvariantCulture) / 1000);
                print[p].Add(Seconds(() => Browser("--print-to-pdf=" + Path.Combine(folder, $"page-{p}.pdf"), new Uri(pages[p].Path).AbsoluteUri)));
            }
        }
        Console.WriteLine($"load average after: {File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine();
        Console.WriteLine($"{"page",-42} {"bytes",11} {"load s median (min–max)",26} {"print-to-pdf process s",26}");
        Console.WriteLine($"{"(empty page: browser start-up)",-42} {"",11} {"",26} {Range(startUp),26}");
        for (int p = 0; p < pages.Count; p++)
            Console.WriteLine($"{pages[p].Name,-42} {new FileInfo(pages[p].Path).Length,11:N0} {Range(load[p]),26} {Range(print[p]),26}");
    }

    private static string Range(List<double> seconds)
    {
        double[] sorted = [.. seconds.Order()];
        return string.Create(CultureInfo.InvariantCulture, $"{sorted[sorted.Length / 2]:F3} ({sorted[0]:F3}–{sorted[^1]:F3})");
    }

    private static double Seconds(Action work)
    {
        long start = Stopwatch.GetTimestamp();
        work();
        return Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    /// <summary>Headless, off the network, a fresh profile, at the report's widest layout.</summary>
    private static string Browser(params string[] arguments)
    {
        var start = new ProcessStartInfo(Chromium) { RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = Encoding.UTF8 };
        string profile = Directory.CreateTempSubdirectory("interpaudit-chromium").FullName;
        foreach (string flag in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--no-pdf-header-footer", $"--user-data-dir={profile}", "--window-size=1320,1000",
                 }.Concat(arguments))
            start.ArgumentList.Add(flag);
        using Process process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"chromium exited {process.ExitCode}: {error.Result}");
        Directory.Delete(profile, recursive: true);
        return output;
    }
}
