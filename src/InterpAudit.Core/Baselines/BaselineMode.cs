namespace InterpAudit.Baselines;

/// <summary>What a run does with the committed baseline.</summary>
public enum BaselineMode
{
    /// <summary>Judge the run against the baseline; write one (with a warning) when there is none.</summary>
    Compare,

    /// <summary>Make this run (with any further calibration runs) the new baseline, and clear the suppressions.</summary>
    Accept,

    /// <summary>Neither read nor write a baseline: a calibration run, judged on its thresholds only.</summary>
    Skip,
}
