namespace MnistAudit;

/// <summary>
/// Where the audits find the trained weights: obj/ as the build trains them, or the folder named by
/// MNISTAUDIT_WEIGHTS_DIR — the build sets it (InterpAuditEnvironment) when MnistWeightsDirectory
/// points elsewhere, and the Calibrate target sets it for each seed's models.
/// </summary>
public static class SampleWeights
{
    public const string DirectoryVariable = "MNISTAUDIT_WEIGHTS_DIR";

    public static string PathOf(string model) =>
        Path.Combine(Environment.GetEnvironmentVariable(DirectoryVariable) is { Length: > 0 } directory ? directory : "obj", model + ".weights");
}
