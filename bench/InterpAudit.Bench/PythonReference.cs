using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace InterpAudit.Bench;

/// <summary>
/// The independent implementations under bench/reference/, run with Debian's python3 (python3-numpy,
/// python3-torch) on the same data in the same run, so a row's ratio does not depend on the machine.
/// One thread each, as the tool's row runs: BLAS and libtorch would otherwise take every core.
/// </summary>
internal sealed class PythonReference
{
    private const string Interpreter = "/usr/bin/python3";
    private readonly string _scripts;

    private PythonReference(string scripts) => _scripts = scripts;

    /// <summary>The reference runner, or null (with the reason) when python3 or a module is missing.</summary>
    public static PythonReference? Find(string repositoryRoot, out string? missing, params string[] modules)
    {
        missing = null;
        if (!File.Exists(Interpreter))
        {
            missing = $"{Interpreter} is not installed (apt-get install python3 {string.Join(" ", modules.Select(m => "python3-" + m))})";
            return null;
        }
        foreach (string module in modules)
        {
            var (code, _) = Run(Interpreter, ["-c", $"import {module}"]);
            if (code != 0)
            {
                missing = $"python3 has no {module} (apt-get install python3-{module})";
                return null;
            }
        }
        return new PythonReference(Path.Combine(repositoryRoot, "bench", "reference"));
    }

    /// <summary>Runs <paramref name="script"/> on <paramref name="folder"/> and returns its one JSON line.</summary>
    public JsonElement Run(string script, string folder)
    {
        var (code, output) = Run(Interpreter, [Path.Combine(_scripts, script), folder]);
        if (code != 0) throw new InvalidOperationException($"{script} failed ({code}): {output}");
        return JsonDocument.Parse(output.Trim().Split('\n')[^1]).RootElement.Clone();
    }

    /// <summary>Writes doubles as the raw little-endian float64 file numpy's fromfile reads.</summary>
    public static void WriteDoubles(string path, ReadOnlySpan<double> values)
    {
        using var file = File.Create(path);
        file.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values));
    }

    private static (int Code, string Output) Run(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        foreach (string variable in new[] { "OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS" })
            start.Environment[variable] = "1";
        using Process process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, process.ExitCode == 0 ? output : output + error.Result);
    }

    public static string Ratio(double tool, double reference) =>
        (reference / tool).ToString("F2", CultureInfo.InvariantCulture) + "× the reference's speed";
}
