using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;

namespace InterpAudit.Analyzers.Tests.Verifiers;

/// <summary>The compilation settings of a training project: C# preview (the SDK's newest), nullable on.</summary>
internal static class AuditTestSettings
{
    /// <summary>No reference package to resolve: <see cref="AuditReferences"/> supplies every assembly.</summary>
    public static ReferenceAssemblies NoPackages { get; } = new("net10.0");

    public static ParseOptions Parse(ParseOptions options) =>
        ((CSharpParseOptions)options).WithLanguageVersion(LanguageVersion.Preview);

    public static CompilationOptions Compilation(CompilationOptions options) =>
        ((CSharpCompilationOptions)options).WithNullableContextOptions(NullableContextOptions.Enable);

    /// <summary>
    /// Shared by the test sources: a complete IAuditTarget to derive audits from, and two check
    /// attributes of a family InterpAudit does not have, to show that the rules work for any
    /// AuditCheckAttribute (bounds by naming convention, layers by parameter name).
    /// </summary>
    public const string Support = """
        using System.Collections.Generic;
        using InterpAudit;
        using TorchSharp;
        using static TorchSharp.torch;

        public abstract class AuditBase : IAuditTarget
        {
            public IReadOnlyList<string> ClassNames { get; } = ["a", "b"];
            public string WeightsPath => "model.weights";
            public virtual nn.Module<Tensor, Tensor> CreateModel() => nn.Linear(2, 2);
            public IEnumerable<LabelledBatch> EvaluationBatches(int batchSize) => [];
        }

        [System.AttributeUsage(System.AttributeTargets.Class, AllowMultiple = true)]
        public sealed class ProbeCheckAttribute : AuditCheckAttribute
        {
            public ProbeCheckAttribute(string layer) => Layer = layer;
            public string Layer { get; }
            public double MinBits { get; set; } = double.NaN;
            public double MaxBits { get; set; } = double.NaN;
            public double MinUnitFraction { get; set; } = double.NaN;
            public int Components { get; set; } = 16;
            public int Neighbours { get; set; } = 5;
        }

        [System.AttributeUsage(System.AttributeTargets.Class, AllowMultiple = true)]
        public sealed class PairCheckAttribute : AuditCheckAttribute
        {
            public PairCheckAttribute(string layerA, string layerB) { LayerA = layerA; LayerB = layerB; }
            public string LayerA { get; }
            public string LayerB { get; }
            public double MaxOverlap { get; set; } = double.NaN;
        }
        """;
}
