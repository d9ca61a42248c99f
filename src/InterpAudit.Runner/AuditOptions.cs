using InterpAudit.Baselines;

namespace InterpAudit.Runner;

/// <summary>What <c>interpaudit audit</c> was asked to do.</summary>
internal sealed record AuditOptions(
    string AssemblyPath,
    string? ProjectPath,
    string? OutputDirectory,
    string Device = "auto",
    bool FailBuild = true,
    string? SourcesFile = null,
    string? OnlyAudit = null,
    string? LogFile = null,
    string? ReportTemplate = null,
    string? BaselineDirectory = null,
    bool AcceptBaseline = false,
    bool SkipBaseline = false,
    IReadOnlyList<string>? CalibrationRuns = null,
    int Threads = 0,
    string? Shard = null)
{
    /// <summary>The threads asked for, or the machine's cores (<see cref="Environment.ProcessorCount"/>, which honours CPU limits).</summary>
    public int ResolvedThreads => Threads > 0 ? Threads : Environment.ProcessorCount;

    public BaselineMode BaselineMode => SkipBaseline ? BaselineMode.Skip : AcceptBaseline ? BaselineMode.Accept : BaselineMode.Compare;

    /// <summary>Where the committed baselines live: beside the project unless told otherwise.</summary>
    public string ResolvedBaselineDirectory => Path.GetFullPath(BaselineDirectory ?? ProjectDirectory);

    public string ProjectDirectory =>
        ProjectPath is null ? Path.GetDirectoryName(Path.GetFullPath(AssemblyPath))!
        : Directory.Exists(ProjectPath) ? Path.GetFullPath(ProjectPath)
        : Path.GetDirectoryName(Path.GetFullPath(ProjectPath))!;

    public string ResolvedOutputDirectory =>
        Path.GetFullPath(OutputDirectory ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(AssemblyPath))!, "interpaudit"));
}
