using InterpAudit.Baselines;

namespace InterpAudit.Runner;

/// <summary>What <c>interpaudit merge</c> was asked to do.</summary>
internal sealed record MergeOptions(
    IReadOnlyList<string> ShardFiles,
    string? OutputDirectory = null,
    bool FailBuild = true,
    string? LogFile = null,
    string? ReportTemplate = null,
    string? BaselineDirectory = null,
    bool AcceptBaseline = false,
    bool SkipBaseline = false)
{
    public BaselineMode BaselineMode => SkipBaseline ? BaselineMode.Skip : AcceptBaseline ? BaselineMode.Accept : BaselineMode.Compare;
}
