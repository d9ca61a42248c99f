using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace InterpAudit.Analyzers.Tests.Verifiers;

/// <summary>
/// What test sources compile against: the running .NET's framework assemblies, the real
/// InterpAudit.Abstractions and TorchSharp (with the assemblies TorchSharp's signatures need), as
/// a training project would. Taken from this process, so tests need no network and no package
/// download.
/// </summary>
internal static class AuditReferences
{
    public static ImmutableArray<MetadataReference> All { get; } = Create();

    private static ImmutableArray<MetadataReference> Create()
    {
        string[] trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        string frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        IEnumerable<string> framework = trusted.Where(p => Path.GetDirectoryName(p) == frameworkDirectory);

        var torchSharp = typeof(TorchSharp.torch).Assembly;
        IEnumerable<string> torchSharpDependencies = torchSharp.GetReferencedAssemblies()
            .Select(name => trusted.FirstOrDefault(p => Path.GetFileNameWithoutExtension(p) == name.Name))
            .OfType<string>();

        return framework
            .Concat(torchSharpDependencies)
            .Append(torchSharp.Location)
            .Append(typeof(IAuditTarget).Assembly.Location)
            // What the sample's training code uses besides the declarations: Core and Training.
            .Append(typeof(InterpAudit.Checks.CheckCatalog).Assembly.Location)
            .Append(typeof(InterpAudit.Training.EnmeshmentLoss).Assembly.Location)
            .Distinct()
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    }
}
