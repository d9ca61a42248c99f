namespace MnistAudit.Data;

/// <summary>The two disjoint parts of the 10,000 digits (see <see cref="MnistCacheFormat"/> for the rule).</summary>
public enum MnistSplit
{
    /// <summary>8,000 digits the model is trained on.</summary>
    Training,

    /// <summary>2,000 digits the model never sees in training; accuracy and the audit use these.</summary>
    Evaluation,

    /// <summary>
    /// All 10,000, training digits first: only for the memory harness (bench/memory.sh), which audits
    /// five times the evaluation set to show that memory does not grow with the data.
    /// </summary>
    All,
}
