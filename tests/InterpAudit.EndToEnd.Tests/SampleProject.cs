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
}

[CollectionDefinition("sample")]
public sealed class SampleCollection : ICollectionFixture<SampleProject>;
