using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace InterpAudit.Build.Tests;

/// <summary>
/// Visual Studio runs the build in .NET Framework MSBuild, which loads the task from
/// tasks/netstandard2.0/. The project compiles against netstandard2.0 reference assemblies only, so an
/// API missing there does not compile; these tests read the built assembly's metadata to make sure it
/// stays that way: no reference to a .NET (Core) assembly, and MSBuild's assemblies at the version
/// every MSBuild since Visual Studio 2017 binds (15.1.0.0).
/// </summary>
public sealed class TaskAssemblyTests
{
    private static readonly string TaskAssembly = typeof(RunInterpAudit).Assembly.Location;

    private static (string TargetFramework, IReadOnlyList<(string Name, Version Version)> References) ReadMetadata()
    {
        using var stream = File.OpenRead(TaskAssembly);
        using var pe = new PEReader(stream);
        MetadataReader reader = pe.GetMetadataReader();
        var references = reader.AssemblyReferences.Select(reader.GetAssemblyReference)
            .Select(r => (reader.GetString(r.Name), r.Version)).ToList();
        string framework = "";
        foreach (CustomAttributeHandle handle in reader.GetAssemblyDefinition().GetCustomAttributes())
        {
            CustomAttribute attribute = reader.GetCustomAttribute(handle);
            var constructor = reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
            var type = reader.GetTypeReference((TypeReferenceHandle)constructor.Parent);
            if (reader.GetString(type.Name) != "TargetFrameworkAttribute") continue;
            BlobReader value = reader.GetBlobReader(attribute.Value);
            value.ReadUInt16(); // prolog
            framework = value.ReadSerializedString()!;
        }
        return (framework, references);
    }

    [Fact]
    public void The_task_targets_netstandard2_0()
    {
        Assert.Equal(".NETStandard,Version=v2.0", ReadMetadata().TargetFramework);
    }

    [Fact]
    public void The_task_references_only_netstandard_and_MSBuilds_own_assemblies()
    {
        IReadOnlyList<(string Name, Version Version)> references = ReadMetadata().References;
        Assert.Equal(["Microsoft.Build.Framework", "Microsoft.Build.Utilities.Core", "netstandard"],
            references.Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.Equal(new Version(2, 0, 0, 0), references.Single(r => r.Name == "netstandard").Version);
        Assert.All(references.Where(r => r.Name.StartsWith("Microsoft.Build", StringComparison.Ordinal)),
            r => Assert.Equal(new Version(15, 1, 0, 0), r.Version));
    }
}
