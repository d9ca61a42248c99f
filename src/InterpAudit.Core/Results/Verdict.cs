namespace InterpAudit.Results;

/// <summary>A check's outcome. A NaN or missing value is a failure, never a pass.</summary>
public enum Verdict
{
    Pass,
    Fail,
}
