using InterpAudit.Results;

namespace InterpAudit.Baselines;

/// <summary>
/// What <see cref="BaselinePolicy"/> decided for one run: the result as judged, the findings to
/// report, and what to commit to the project folder — only once the run's outputs are written, so
/// that a run that fails leaves the baseline as it was.
/// </summary>
/// <param name="Write">The baseline to save, or null.</param>
/// <param name="ClearSuppressions">Whether to delete the suppression file (accepting absorbs every listed regression).</param>
public sealed record BaselineDecision(AuditResult Result, IReadOnlyList<RegressionFinding> Findings, AuditBaseline? Write, bool ClearSuppressions);
