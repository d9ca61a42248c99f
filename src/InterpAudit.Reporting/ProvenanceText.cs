using InterpAudit.Capture;
using InterpAudit.Results;

namespace InterpAudit.Reporting;

/// <summary>How the human-readable outputs word the provenance facts that are not a bare value.</summary>
internal static class ProvenanceText
{
    /// <summary>"MNIST (split test)"; files before schema 4 named no data set.</summary>
    public static string DataSet(DatasetIdentity data) =>
        data.Name.Length == 0 ? "(not recorded)" : $"{data.Name} (split {(data.Split.Length == 0 ? "not recorded" : data.Split)})";

    public static string WorkingTree(bool? dirty, string? revision) => dirty switch
    {
        true => "dirty: changes the source commit does not hold",
        false => "clean",
        null => revision is null ? "(not in a git repository)" : "unknown (git could not be run)",
    };

    public static string PathBase(Results.PathBase? pathBase) => pathBase switch
    {
        Results.PathBase.Repository => "the git working tree's root",
        Results.PathBase.Project => "the project directory (not in a git repository)",
        _ => "(file names only)",
    };
}
