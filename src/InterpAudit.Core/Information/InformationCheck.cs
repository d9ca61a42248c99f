using System.Globalization;
using InterpAudit.Checks;
using InterpAudit.Diagnostics;
using InterpAudit.Results;

namespace InterpAudit.Information;

/// <summary>
/// Judges <see cref="InformationCheckAttribute"/>: a layer's information about the label
/// (<c>labelBits</c>) and the fraction of its units that are individually informative
/// (<c>significantUnitFraction</c>) against their minimums.
/// </summary>
public sealed class InformationCheck : Check<InformationCheckAttribute>
{
    public const string Family = "information";

    /// <summary>The smallest permutation count at which p = 1/(1 + n) can reach α = 0.05.</summary>
    private const int MinPermutationsForSignificance = 19;

    /// <summary>0.05 bits of label information; 2 points of significant units.</summary>
    public override RegressionTolerance DefaultTolerance(string metric) => metric == "labelBits" ? new(0.05) : new(0.02);

    protected override IEnumerable<string> Validate(InformationCheckAttribute attribute, CheckContext context)
    {
        if (string.IsNullOrWhiteSpace(attribute.Layer))
            yield return "the layer name is empty";
        if (double.IsNaN(attribute.MinLabelBits) && double.IsNaN(attribute.MinSignificantUnitFraction))
            yield return "neither MinLabelBits nor MinSignificantUnitFraction is set";
        // No upper bound: the true I(T;Y) ≤ H(Y) ≤ log₂(classes), but the Gaussian-copula
        // model-comparison estimate exceeds H(Y) when classes are well separated (the MNIST sample's
        // hidden layers measure ~8 bits of 3.32), so a bound fitted to the estimate may lie above it.
        if (!double.IsNaN(attribute.MinLabelBits) && !(attribute.MinLabelBits >= 0) )
            yield return $"MinLabelBits = {Invariant(attribute.MinLabelBits)} is negative (or NaN); expected a minimum of 0 bits or more";
        foreach (string problem in FractionInRange(nameof(attribute.MinSignificantUnitFraction), attribute.MinSignificantUnitFraction))
            yield return problem;
        if (attribute.Components < 1)
            yield return $"Components = {attribute.Components} is below 1";
        if (attribute.Permutations < 1)
            yield return $"Permutations = {attribute.Permutations} is below 1";
        else if (!double.IsNaN(attribute.MinSignificantUnitFraction) && attribute.Permutations < MinPermutationsForSignificance)
            yield return $"Permutations = {attribute.Permutations} cannot make any unit significant (the smallest p-value is 1/(1 + {attribute.Permutations}) > 0.05); expected at least {MinPermutationsForSignificance}";
    }

    protected override IEnumerable<string> Layers(InformationCheckAttribute attribute) => [attribute.Layer];

    protected override IEnumerable<CheckResult> Evaluate(InformationCheckAttribute attribute, CheckDeclaration declaration, CheckContext context)
    {
        var options = new InformationOptions { Components = attribute.Components, Permutations = attribute.Permutations, Seed = context.Seed };
        string key = $"{Family}(layer={attribute.Layer},components={options.Components},permutations={options.Permutations})";
        LayerInformationResult result;
        try
        {
            result = context.Measure(key, () =>
            {
                CollectedActivations collected = ActivationCollector.Collect(context.Stream, [attribute.Layer]);
                return LayerInformation.Measure(attribute.Layer, collected.Units[attribute.Layer], collected.Labels, context.ClassNames, options);
            });
        }
        catch (AuditInputException e) when (e.Code == DiagnosticCodes.ClassTooSmall && e.Declaration is null)
        {
            throw new AuditInputException(e.Code, e.Message, e.File, e, declaration);
        }

        string scope = $"layer={attribute.Layer}";
        if (!double.IsNaN(attribute.MinLabelBits))
            yield return CheckResult.Judge(Family, "labelBits", scope, result.LabelBits, result.LabelBitsInterval,
                new Threshold(BoundKind.Min, attribute.MinLabelBits), attribute.Severity, DiagnosticCodes.LabelInformationBelowMinimum, declaration);
        if (!double.IsNaN(attribute.MinSignificantUnitFraction))
            yield return CheckResult.Judge(Family, "significantUnitFraction", scope, result.SignificantUnitFraction, null,
                new Threshold(BoundKind.Min, attribute.MinSignificantUnitFraction), attribute.Severity,
                DiagnosticCodes.SignificantUnitFractionBelowMinimum, declaration);
    }

    private static string Invariant(double value) => value.ToString(CultureInfo.InvariantCulture);
}
