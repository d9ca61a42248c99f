using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using InterpAudit.Auditing;

namespace InterpAudit.Tests.Auditing;

public sealed class NoFileIoTests
{
    /// <summary>The file-system types whose use would mean Core reads or writes files itself.</summary>
    private static readonly HashSet<string> FileSystemTypes =
        ["File", "Directory", "FileStream", "FileInfo", "DirectoryInfo", "StreamReader", "StreamWriter", "FileSystemInfo"];

    [Fact]
    public void Core_references_no_file_system_type()
    {
        // Weights are read by the runner's IWeightsLoader, outputs written by Reporting: Core measures
        // and judges what it is given, so it can run anywhere a model and batches can be handed to it.
        string path = typeof(AuditEngine).Assembly.Location;
        using var pe = new PEReader(File.OpenRead(path));
        MetadataReader metadata = pe.GetMetadataReader();
        List<string> used = metadata.TypeReferences
            .Select(h => metadata.GetTypeReference(h))
            .Where(t => metadata.GetString(t.Namespace) == "System.IO" && FileSystemTypes.Contains(metadata.GetString(t.Name)))
            .Select(t => metadata.GetString(t.Name))
            .ToList();
        Assert.Empty(used);
        Assert.NotEmpty(metadata.TypeReferences); // the scan read real metadata
    }
}
