namespace InterpAudit.EndToEnd.Tests;

/// <summary>samples/MnistAudit, built once the way the README says: <c>dotnet build samples/MnistAudit</c>.</summary>
public sealed class SampleProject
{
    public SampleProject()
    {
        FirstBuild = DotnetBuild.Run(Directory);
    }

    public DotnetBuild.Outcome FirstBuild { get; }

    public string Directory { get; } = Path.Combine(DotnetBuild.RepoRoot, "samples", "MnistAudit");

    public string Output => Path.Combine(Directory, "bin", "Debug", "net10.0", "interpaudit", "mnist-mlp");

    /// <summary>The outputs of the second audit, of the variant trained with the enmeshment loss.</summary>
    public string ModularOutput => Path.Combine(Directory, "bin", "Debug", "net10.0", "interpaudit", "mnist-mlp-modular");

    public string Weights => Path.Combine(Directory, "obj", "mnist-mlp.weights");

    public string Digits => Path.Combine(Directory, "obj", "mnist", "package", "src", "digits");
}
