using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using InterpAudit.Reporting;
using InterpAudit.Reporting.Tests;

namespace InterpAudit.Bench;

/// <summary>
/// report.html's size and how long headless Chromium takes to load it (issue #20: a 100-class, 20-layer
/// report at most 1.5 MB and under 0.5 s). Three figures per page, each the median (min–max) over the runs:
/// <list type="bullet">
/// <item>load: the page's own clock. A script appended to the page waits for the load event, forces
/// layout and writes performance.now() — milliseconds since navigation began, so the browser's start-up
/// is not in it — where --dump-dom prints it. Wall time: on a shared machine it grows with the load.</item>
/// <item>CPU: the user + system seconds of all chromium processes for that --dump-dom run (/usr/bin/time
/// counts the renderer, a waited-for child), less the same for an empty page in the same round: the
/// work the page adds, which other processes on the machine slow but do not add to.</item>
/// <item>print: the wall time of chromium --print-to-pdf on the page, less that on the empty page.</item>
/// </list>
/// Rounds are interleaved across the pages so that a change in the machine's load falls on all alike.
/// </summary>
internal static class ReportLoad
{
    private const string Chromium = "/usr/bin/chromium";

    private const string Probe = "<script>addEventListener('load', function () { document.body.getBoundingClientRect();"
        + " document.body.setAttribute('data-loaded-ms', performance.now().toFixed(1)); });</script>";

    private sealed record Sample(double Wall, double Cpu, string Output);

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
        File.WriteAllText(empty, "<!DOCTYPE html><html lang=\"en\"><head><title>empty</title></head><body>" + Probe + "</body></html>");

        string[] probed = pages.Select((p, i) =>
        {
            string copy = Path.Combine(folder, $"probe-{i}.html");
            File.WriteAllText(copy, File.ReadAllText(p.Path).Replace("</body>", Probe + "</body>", StringComparison.Ordinal));
            return copy;
        }).ToArray();

        var load = pages.Select(_ => new List<double>()).ToArray();
        var cpu = pages.Select(_ => new List<double>()).ToArray();
        var print = pages.Select(_ => new List<double>()).ToArray();
        var emptyLoad = new List<double>();
        Console.WriteLine($"report load in {Chromium} · {runs} runs each · load average {File.ReadAllText("/proc/loadavg").Trim()}");
        for (int run = 0; run < runs; run++)
        {
            Sample blank = Browser(folder, "--dump-dom", new Uri(empty).AbsoluteUri);
            emptyLoad.Add(LoadedSeconds(blank, "empty page"));
            Sample blankPrint = Browser(folder, "--print-to-pdf=" + Path.Combine(folder, "empty.pdf"), new Uri(empty).AbsoluteUri);
            for (int p = 0; p < pages.Count; p++)
            {
                Sample dumped = Browser(folder, "--dump-dom", new Uri(probed[p]).AbsoluteUri);
                load[p].Add(LoadedSeconds(dumped, pages[p].Name));
                cpu[p].Add(dumped.Cpu - blank.Cpu);
                print[p].Add(Browser(folder, "--print-to-pdf=" + Path.Combine(folder, $"page-{p}.pdf"), new Uri(pages[p].Path).AbsoluteUri).Wall - blankPrint.Wall);
            }
        }
        Console.WriteLine($"load average after: {File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine();
        Console.WriteLine($"{"page",-46} {"bytes",11} {"load s",24} {"CPU s over empty",24} {"print s over empty",24}");
        Console.WriteLine($"{"(empty page)",-46} {"",11} {Range(emptyLoad),24}");
        for (int p = 0; p < pages.Count; p++)
            Console.WriteLine($"{pages[p].Name,-46} {new FileInfo(pages[p].Path).Length,11:N0} {Range(load[p]),24} {Range(cpu[p]),24} {Range(print[p]),24}");
        Directory.Delete(folder, recursive: true); // the probed copies and the PDFs: tens of megabytes a run
    }

    private static double LoadedSeconds(Sample sample, string page)
    {
        Match loaded = Regex.Match(sample.Output, "data-loaded-ms=\"([0-9.]+)\"");
        if (!loaded.Success) throw new InvalidOperationException($"{page}: the page's probe left no time");
        return double.Parse(loaded.Groups[1].Value, CultureInfo.InvariantCulture) / 1000;
    }

    private static string Range(List<double> seconds)
    {
        double[] sorted = [.. seconds.Order()];
        return string.Create(CultureInfo.InvariantCulture, $"{sorted[sorted.Length / 2]:F3} ({sorted[0]:F3}–{sorted[^1]:F3})");
    }

    /// <summary>Headless, off the network, a fresh profile, at the report's widest layout; under /usr/bin/time for the CPU seconds.</summary>
    private static Sample Browser(string folder, params string[] arguments)
    {
        string times = Path.Combine(folder, "time.txt");
        var start = new ProcessStartInfo("/usr/bin/time") { RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = Encoding.UTF8 };
        string profile = Directory.CreateTempSubdirectory("interpaudit-chromium").FullName;
        foreach (string flag in new[]
                 {
                     "-f", "%U %S", "-o", times, Chromium,
                     "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--no-pdf-header-footer", $"--user-data-dir={profile}", "--window-size=1320,1000",
                 }.Concat(arguments))
            start.ArgumentList.Add(flag);
        long began = Stopwatch.GetTimestamp();
        using Process process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        double wall = Stopwatch.GetElapsedTime(began).TotalSeconds;
        if (process.ExitCode != 0) throw new InvalidOperationException($"chromium exited {process.ExitCode}: {error.Result}");
        Directory.Delete(profile, recursive: true);
        double[] userSystem = File.ReadAllText(times).Trim().Split(' ').Select(t => double.Parse(t, CultureInfo.InvariantCulture)).ToArray();
        return new Sample(wall, userSystem.Sum(), output);
    }
}
