using System.Diagnostics;

namespace InterpAudit.EndToEnd.Tests;

/// <summary>
/// Debian's chromium, headless, with the flags that keep it off the network. Installed on first use
/// when missing (the tests run as root on CI and on fresh machines; .ci/run installs it up front).
/// </summary>
public static class HeadlessChromium
{
    private const string Executable = "/usr/bin/chromium";

    public sealed record Run(int ExitCode, string StandardOutput, string StandardError);

    public static Run Start(params string[] arguments)
    {
        EnsureInstalled();
        var start = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        string profile = Directory.CreateTempSubdirectory("interpaudit-chromium").FullName;
        foreach (string flag in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--enable-logging=stderr", "--v=0", $"--user-data-dir={profile}",
                 }.Concat(arguments))
            start.ArgumentList.Add(flag);
        using Process process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("chromium did not finish in 2 minutes");
        }
        return new Run(process.ExitCode, output, error.Result);
    }

    private static void EnsureInstalled()
    {
        if (File.Exists(Executable)) return;
        var install = Process.Start(new ProcessStartInfo("bash", "-c \"apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium\"")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        string log = install.StandardOutput.ReadToEnd() + install.StandardError.ReadToEnd();
        install.WaitForExit();
        if (!File.Exists(Executable))
            throw new InvalidOperationException($"Debian's chromium package is needed for the report tests and could not be installed (apt-get, as root):\n{log}");
    }
}
