using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace InterpAudit.Analyzers;

/// <summary>
/// Which values of a check attribute have a fixed range, so that IA0001 can reject impossible ones
/// while the user types. A new check family gets the conventions for free; add a row to
/// <see cref="Table"/> only where they do not say enough.
/// <list type="bullet">
/// <item>a floating-point value whose name ends in <c>Fraction</c> is a fraction in [0, 1];</item>
/// <item>an integer value is a count, at least 0;</item>
/// <item>the table names the rest: fractions without the suffix (accuracies, clusterability), and
/// counts that must be at least 1. A key is the attribute's full metadata name, or <c>*</c> for
/// any check attribute, then the property or constructor parameter name (compared without case).</item>
/// </list>
/// The table is in the analyzer rather than read from the attributes' XML documentation because the
/// command-line compiler does not load documentation for referenced assemblies: a rule that read it
/// would warn in the editor and stay silent in the build.
/// </summary>
internal static class BoundCatalog
{
    private static readonly Dictionary<string, BoundRange> Table = new(StringComparer.OrdinalIgnoreCase)
    {
        // Must agree with the ranges the checks in InterpAudit.Core validate (IA3013).
        ["InterpAudit.AccuracyCheckAttribute.Min"] = BoundRange.Fraction,
        ["InterpAudit.AccuracyCheckAttribute.MinOverall"] = BoundRange.Fraction,
        ["InterpAudit.InformationCheckAttribute.MinLabelBits"] = BoundRange.AtLeast(0),
        ["InterpAudit.ModularityCheckAttribute.MinClusterability"] = BoundRange.Fraction,
        ["InterpAudit.CircuitCheckAttribute.MaxMeanEcs"] = BoundRange.Fraction,
        ["InterpAudit.CircuitCheckAttribute.MaxEcs"] = BoundRange.Fraction,
        ["InterpAudit.CircuitCheckAttribute.MaxSamplesPerClass"] = BoundRange.AtLeast(1),
        ["InterpAudit.ModularityCheckAttribute.MinNormalizedClusterability"] = BoundRange.Fraction,
        ["InterpAudit.ModularityCheckAttribute.MaxEnmeshment"] = BoundRange.Fraction,
        ["InterpAudit.ModularityCheckAttribute.Shuffles"] = BoundRange.AtLeast(10),
        ["InterpAudit.AblationCheckAttribute.MinSpecialization"] = BoundRange.Fraction,
        ["InterpAudit.AblationCheckAttribute.MaxCollateralDrop"] = BoundRange.Fraction,
        ["InterpAudit.AblationCheckAttribute.RandomSets"] = BoundRange.AtLeast(20),
        ["*.Restarts"] = BoundRange.AtLeast(1),
        // A measurement over no components, permutations or clusters measures nothing, in any family.
        ["*.Components"] = BoundRange.AtLeast(1),
        ["*.Permutations"] = BoundRange.AtLeast(1),
        ["*.Clusters"] = BoundRange.AtLeast(2),
    };

    /// <summary>The range of one argument of a check attribute, or null when it has none.</summary>
    public static BoundRange? RangeOf(INamedTypeSymbol attribute, CheckArgument argument)
    {
        string typeName = attribute.ContainingNamespace.IsGlobalNamespace
            ? attribute.MetadataName
            : attribute.ContainingNamespace.ToDisplayString() + "." + attribute.MetadataName;
        if (Table.TryGetValue(typeName + "." + argument.Name, out BoundRange range)
            || Table.TryGetValue("*." + argument.Name, out range))
            return range;
        if (argument.IsFloatingPoint && argument.Name.EndsWith("Fraction", StringComparison.OrdinalIgnoreCase)) return BoundRange.Fraction;
        if (argument.IsInteger) return BoundRange.AtLeast(0);
        return null;
    }
}
