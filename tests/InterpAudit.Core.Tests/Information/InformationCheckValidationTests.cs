using InterpAudit.Capture;
using InterpAudit.Checks;
using TorchSharp;
using static TorchSharp.torch;

namespace InterpAudit.Tests.Information;

/// <summary>Declarations the information checks refuse before any measurement runs.</summary>
public sealed class InformationCheckValidationTests
{
    private static readonly CheckContext Context = new(
        new ActivationStream(nn.Linear(2, 4), _ => [], CPU, batchSize: 8, classCount: 4), ["a", "b", "c", "d"], seed: 0);

    private static List<string> Problems(AuditCheckAttribute attribute) =>
        CheckCatalog.Default.For(attribute, new Results.CheckDeclaration(attribute.GetType().Name, 0)).Validate(attribute, Context).ToList();

    [Fact]
    public void The_catalog_finds_both_checks_by_reflection()
    {
        Assert.Contains(typeof(InformationCheckAttribute), CheckCatalog.Default.AttributeTypes);
        Assert.Contains(typeof(RedundancyCheckAttribute), CheckCatalog.Default.AttributeTypes);
    }

    [Fact]
    public void A_valid_information_check_has_no_problems() =>
        Assert.Empty(Problems(new InformationCheckAttribute("fc2") { MinLabelBits = 1.5, MinSignificantUnitFraction = 0.5 }));

    // The mixture estimate never exceeds H(Y) ≤ log2(classes) = 2 bits for these four classes, so a
    // minimum above that could never pass; a minimum up to it can.
    [Fact]
    public void A_minimum_above_log2_of_the_class_count_is_refused()
    {
        Assert.Empty(Problems(new InformationCheckAttribute("fc2") { MinLabelBits = 2.0 }));
        string problem = Assert.Single(Problems(new InformationCheckAttribute("fc2") { MinLabelBits = 2.5 }));
        Assert.Contains("exceeds log2(4) = 2 bits", problem);
    }

    [Theory]
    [InlineData(double.NaN, double.NaN, 16, 1000, "neither MinLabelBits nor MinSignificantUnitFraction")]
    [InlineData(-0.1, double.NaN, 16, 1000, "MinLabelBits = -0.1 is below 0")]
    [InlineData(double.NaN, 1.5, 16, 1000, "MinSignificantUnitFraction = 1.5 is outside [0, 1]")]
    [InlineData(1.0, double.NaN, 0, 1000, "Components = 0 is below 1")]
    [InlineData(double.NaN, 0.5, 16, 10, "cannot make any unit significant")]
    [InlineData(double.NaN, 0.5, 16, 0, "Permutations = 0 is below 1")]
    public void Information_check_bounds_are_validated(double minBits, double minFraction, int components, int permutations, string problem)
    {
        var attribute = new InformationCheckAttribute("fc1")
        {
            MinLabelBits = minBits, MinSignificantUnitFraction = minFraction, Components = components, Permutations = permutations,
        };
        Assert.Contains(Problems(attribute), p => p.Contains(problem));
    }

    [Fact]
    public void Few_permutations_are_fine_without_a_unit_fraction_bound() =>
        Assert.Empty(Problems(new InformationCheckAttribute("fc1") { MinLabelBits = 1, Permutations = 10 }));

    [Fact]
    public void A_valid_redundancy_check_has_no_problems() =>
        Assert.Empty(Problems(new RedundancyCheckAttribute("fc1", "fc2") { MinCoInformation = -0.5, MaxCoInformation = 0.5 }));

    [Theory]
    [InlineData("fc1", "fc1", double.NaN, 0.5, "both layers are 'fc1'")]
    [InlineData("fc1", "fc2", double.NaN, double.NaN, "neither MaxCoInformation nor MinCoInformation")]
    [InlineData("fc1", "fc2", 0.5, 0.1, "MinCoInformation = 0.5 is above MaxCoInformation = 0.1")]
    [InlineData("", "fc2", double.NaN, 0.5, "a layer name is empty")]
    public void Redundancy_check_declarations_are_validated(string a, string b, double min, double max, string problem) =>
        Assert.Contains(Problems(new RedundancyCheckAttribute(a, b) { MinCoInformation = min, MaxCoInformation = max }), p => p.Contains(problem));
}
