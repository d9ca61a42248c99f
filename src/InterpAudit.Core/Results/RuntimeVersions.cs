namespace InterpAudit.Results;

/// <summary>
/// What the audit ran on, for reproducing it: TorchSharp's version, the libtorch package the audited
/// project resolved its native backend from (<c>package version</c>, or <c>unknown</c> when its
/// deps.json does not list one), .NET's runtime description and the operating system's.
/// </summary>
public sealed record RuntimeVersions(string TorchSharp, string Libtorch, string Dotnet, string Os)
{
    public const string Unknown = "unknown";
}
