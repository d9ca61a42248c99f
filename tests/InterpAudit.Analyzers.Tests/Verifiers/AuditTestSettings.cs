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
    /// AuditCheckAttribute (limits from the [Bound] and [ValidRange] it declares, layers by parameter name).
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
            [Bound("bits", BoundKind.Min, "IA9901", Lower = 0)]
            public double MinBits { get; set; } = double.NaN;
            [Bound("bits", BoundKind.Max, "IA9902", Lower = 0)]
            public double MaxBits { get; set; } = double.NaN;
            [Bound("unitFraction", BoundKind.Min, "IA9903", Lower = 0, Upper = 1)]
            public double MinUnitFraction { get; set; } = double.NaN;
            [ValidRange(1)]
            public int Components { get; set; } = 16;
            [ValidRange(0, Reason = "a probe reads no fewer than zero neighbours")]
            public int Neighbours { get; set; } = 5;
            public int Unlimited { get; set; } = 5;
        }

        [System.AttributeUsage(System.AttributeTargets.Class, AllowMultiple = true)]
        public sealed class PairCheckAttribute : AuditCheckAttribute
        {
            public PairCheckAttribute(string layerA, string layerB) { LayerA = layerA; LayerB = layerB; }
            public string LayerA { get; }
            public string LayerB { get; }
            [Bound("overlap", BoundKind.Max, "IA9904", Lower = 0, Upper = 1)]
            public double MaxOverlap { get; set; } = double.NaN;
        }

        [System.AttributeUsage(System.AttributeTargets.Class, AllowMultiple = true)]
        public sealed class ScoreCheckAttribute : AuditCheckAttribute
        {
            public ScoreCheckAttribute(double minScore) => MinScore = minScore;
            [Bound("score", BoundKind.Min, "IA9905", Lower = 0, Upper = 1)]
            public double MinScore { get; }
        }
        """;
}
