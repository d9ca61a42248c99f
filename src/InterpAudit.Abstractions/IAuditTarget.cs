using TorchSharp;
using static TorchSharp.torch;

namespace InterpAudit;

/// <summary>
/// A trained model to audit. Mark the implementing class with <see cref="InterpretabilityAuditAttribute"/>
/// and put check attributes (for example <see cref="AccuracyCheckAttribute"/>) on it. The class needs a
/// public parameterless constructor. Relative paths are resolved against the project directory, which
/// is the current directory while the audit runs.
/// </summary>
public interface IAuditTarget
{
    /// <summary>Class names, indexed by label value (label 0 is the first name).</summary>
    IReadOnlyList<string> ClassNames { get; }

    /// <summary>The trained weights, in TorchSharp's <c>Module.save</c> format.</summary>
    string WeightsPath { get; }

    /// <summary>Creates the untrained model; the audit loads <see cref="WeightsPath"/> into it.</summary>
    nn.Module<Tensor, Tensor> CreateModel();

    /// <summary>
    /// The evaluation set in batches of at most <paramref name="batchSize"/> samples, always in the same
    /// order. Batches are streamed: the audit never asks for the whole set at once.
    /// </summary>
    IEnumerable<LabelledBatch> EvaluationBatches(int batchSize);
}
