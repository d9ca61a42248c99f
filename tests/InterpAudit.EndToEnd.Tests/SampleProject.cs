namespace InterpAudit.EndToEnd.Tests;

/// <summary>
/// samples/MnistAudit, built once per test run the way the README says: <c>dotnet build samples/MnistAudit</c>.
/// Shared by every test class that reads it (the "sample" collection): a second fixture would find the
/// audit up to date and print nothing. The audit's stamp is removed first, so this build always audits
/// even when a developer built the sample before.
/// </summary>
public sealed class SampleProject
{
    public SampleProject()
    {
        string obj = Path.Combine(Directory, "obj");
        if (System.IO.Directory.Exists(obj))
            foreach (string stamp in System.IO.Directory.GetFiles(obj, "interpaudit.stamp", SearchOption.AllDirectories))
                File.Delete(stamp);
        FirstBuild = DotnetBuild.Run(Directory);
    }

    public DotnetBuild.Outcome FirstBuild { get; }

    public string Directory { get; } = Path.Combine(DotnetBuild.RepoRoot, "samples", "MnistAudit");

    public string Output => OutputOf("mnist-mlp");

    public string OutputOf(string audit) => Path.Combine(Directory, "bin", "Debug", "net10.0", "interpaudit", audit);

    /// <summary>The outputs of the second audit, of the variant trained with the enmeshment loss.</summary>
    public string ModularOutput => Path.Combine(Directory, "bin", "Debug", "net10.0", "interpaudit", "mnist-mlp-modular");

    public string Weights => Path.Combine(Directory, "obj", "mnist-mlp.weights");

    public string Digits => Path.Combine(Directory, "obj", "mnist", "package", "src", "digits");

    /// <summary>The plain model's committed, fixed weights (tests/fixtures/MnistWeights): the same on every machine.</summary>
    public static string FixedWeightsDirectory { get; } = Path.Combine(DotnetBuild.RepoRoot, "tests", "fixtures", "MnistWeights");

    /// <summary>
    /// Runs the runner the sample's build uses on the sample's built assembly, with the audit classes
    /// pointed at <paramref name="weightsDirectory"/> (SampleWeights.cs), judging thresholds only.
    /// Returns the runner's outcome and the folder the audit wrote to.
    /// </summary>
    public (DotnetBuild.Outcome Outcome, string Output) AuditWeights(string weightsDirectory, string audit)
    {
        string output = System.IO.Directory.CreateTempSubdirectory("interpaudit-fixed").FullName;
        string runner = Path.Combine(DotnetBuild.RepoRoot, "src", "InterpAudit.Runner", "bin", "Release", "net10.0", "interpaudit.dll");
        DotnetBuild.Outcome outcome = DotnetBuild.Exec(Directory, new Dictionary<string, string> { ["MNISTAUDIT_WEIGHTS_DIR"] = weightsDirectory },
            runner, "audit", "--assembly", Path.Combine(Directory, "bin", "Debug", "net10.0", "MnistAudit.dll"), "--project", Path.Combine(Directory, "MnistAudit.csproj"),
            "--audit", audit, "--output", output, "--skip-baseline", "--fail-build", "false", "--device", "cpu");
        return (outcome, Path.Combine(output, audit));
    }
}

[CollectionDefinition("sample")]
public sealed class SampleCollection : ICollectionFixture<SampleProject>;
