using System.Globalization;
using InterpAudit.Checks;
using InterpAudit.Diagnostics;
using InterpAudit.Results;

namespace InterpAudit.Information;

/// <summary>
/// Judges <see cref="RedundancyCheckAttribute"/>: the co-information of two layers about the label
/// (<c>coInformation</c>) against its bounds. The message says whether the value means net redundancy
/// or net synergy.
/// </summary>
public sealed class RedundancyCheck : Check<RedundancyCheckAttribute>
{
    public const string Family = "redundancy";

    /// <summary>0.05 bits of co-information.</summary>
    public override RegressionTolerance DefaultTolerance(string metric) => new(0.05);

    protected override IEnumerable<string> Validate(RedundancyCheckAttribute attribute, CheckContext context)
    {
        if (string.IsNullOrWhiteSpace(attribute.LayerA) || string.IsNullOrWhiteSpace(attribute.LayerB))
            yield return "a layer name is empty";
        else if (attribute.LayerA == attribute.LayerB)
            yield return $"both layers are '{attribute.LayerA}': expected two different layers";
        if (double.IsNaN(attribute.MaxCoInformation) && double.IsNaN(attribute.MinCoInformation))
            yield return "neither MaxCoInformation nor MinCoInformation is set";
        if (double.IsInfinity(attribute.MaxCoInformation))
            yield return "MaxCoInformation is infinite";
        if (double.IsInfinity(attribute.MinCoInformation))
            yield return "MinCoInformation is infinite";
        if (attribute.MinCoInformation > attribute.MaxCoInformation)
            yield return $"MinCoInformation = {Invariant(attribute.MinCoInformation)} is above MaxCoInformation = {Invariant(attribute.MaxCoInformation)}";
        if (attribute.Components < 1)
            yield return $"Components = {attribute.Components} is below 1";
    }

    protected override IEnumerable<string> Layers(RedundancyCheckAttribute attribute) => [attribute.LayerA, attribute.LayerB];

    protected override IEnumerable<CheckResult> Evaluate(RedundancyCheckAttribute attribute, CheckDeclaration declaration, CheckContext context)
    {
        var options = new InformationOptions { Components = attribute.Components, Seed = context.Seed };
        string key = $"{Family}(layers={attribute.LayerA},{attribute.LayerB},components={options.Components})";
        LayerRedundancyResult result;
        try
        {
            result = context.Measure(key, () =>
            {
                CollectedActivations collected = ActivationCollector.Collect(context.Stream, [attribute.LayerA, attribute.LayerB]);
                return LayerRedundancy.Measure(attribute.LayerA, collected.Units[attribute.LayerA], attribute.LayerB,
                    collected.Units[attribute.LayerB], collected.Labels, context.ClassNames, options);
            });
        }
        catch (AuditInputException e) when (e.Code == DiagnosticCodes.ClassTooSmall && e.Declaration is null)
        {
            throw new AuditInputException(e.Code, e.Message, e.File, e, declaration);
        }

        string scope = $"layers={attribute.LayerA},{attribute.LayerB}";
        double coInformation = result.Decomposition.CoInformation;
        string meaning = result.Decomposition.CoInformationSign == InformationDecomposition.Neither
            ? " (neither net redundancy nor net synergy)"
            : $" (net {result.Decomposition.CoInformationSign})";
        if (!double.IsNaN(attribute.MaxCoInformation))
        {
            CheckResult judged = CheckResult.Judge(Family, "coInformation", scope, coInformation, result.CoInformationInterval,
                new Threshold(BoundKind.Max, attribute.MaxCoInformation), attribute.Severity, DiagnosticCodes.CoInformationAboveMaximum, declaration);
            yield return judged with { Message = judged.Message + meaning };
        }
        if (!double.IsNaN(attribute.MinCoInformation))
        {
            CheckResult judged = CheckResult.Judge(Family, "coInformation", scope, coInformation, result.CoInformationInterval,
                new Threshold(BoundKind.Min, attribute.MinCoInformation), attribute.Severity, DiagnosticCodes.CoInformationBelowMinimum, declaration);
            yield return judged with { Message = judged.Message + meaning };
        }
    }

    private static string Invariant(double value) => value.ToString(CultureInfo.InvariantCulture);
}
