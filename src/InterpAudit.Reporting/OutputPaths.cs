using InterpAudit.Results;

namespace InterpAudit.Reporting;

/// <summary>
/// Makes every path an audit's outputs carry (the weights, each declaration's file, the baseline)
/// relative to <see cref="AuditResult.SourceRoot"/> with '/' separators, as SARIF's artifact
/// locations are: the build machine's absolute paths would neither resolve in a reviewer's or a CI
/// service's checkout nor belong in a report that leaves the machine. The one place outputs get
/// their paths from (<c>AuditOutputs.Write</c> applies it before any writer runs).
/// </summary>
public static class OutputPaths
{
    public static AuditResult Relative(AuditResult result)
    {
        string? root = result.SourceRoot;
        return result with
        {
            Model = result.Model with { WeightsPath = Relative(result.Model.WeightsPath, root) },
            Checks = result.Checks.Select(c => c.Location is { } l ? c with { Location = l with { File = Relative(l.File, root) } } : c).ToList(),
            BaselineFile = result.BaselineFile is { } b ? b with { Path = Relative(b.Path, root) } : null,
            // A shard's deferred checks are judged by merge, which reports them, and whatever belongs to
            // no check, at these locations: relative, as every check's, in the job that merges.
            Shard = result.Shard is { } shard
                ? shard with
                {
                    Deferred = shard.Deferred?.Select(d => d.Location is { } l ? d with { Location = l with { File = Relative(l.File, root) } } : d).ToList(),
                    AuditLocation = shard.AuditLocation is { } audit ? audit with { File = Relative(audit.File, root) } : null,
                }
                : null,
            // Relative to nothing once there is no root: only file names are left (below).
            PathsRelativeTo = root is null ? null : result.PathsRelativeTo,
            SourceRoot = null,
        };
    }

    /// <summary>
    /// <paramref name="path"/> relative to <paramref name="root"/>; a path outside it keeps its
    /// <c>../</c> steps, and one that no relative path reaches (another drive, or no root) keeps its
    /// file name only. Already relative paths stay as they are.
    /// </summary>
    public static string Relative(string path, string? root)
    {
        if (!Path.IsPathRooted(path)) return path.Replace(Path.DirectorySeparatorChar, '/');
        string relative = root is null ? path : Path.GetRelativePath(root, path);
        if (Path.IsPathRooted(relative)) relative = Path.GetFileName(path);
        return relative.Replace(Path.DirectorySeparatorChar, '/');
    }
}
