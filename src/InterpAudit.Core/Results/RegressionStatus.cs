namespace InterpAudit.Results;

/// <summary>How a metric moved against its committed baseline.</summary>
public enum RegressionStatus
{
    /// <summary>The baseline has no value for this metric (a new check): nothing to compare.</summary>
    New,

    /// <summary>Within the noise band and the tolerance, or better.</summary>
    Unchanged,

    /// <summary>Better than the baseline by more than the noise band.</summary>
    Improved,

    /// <summary>Worse by more than max(tolerance, noise band): fails the gate (IA2001).</summary>
    Regressed,

    /// <summary>Worse, but listed with a reason in the suppression file: reported, does not fail.</summary>
    Accepted,
}
