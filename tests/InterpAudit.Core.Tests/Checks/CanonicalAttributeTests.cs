using InterpAudit.Checks;

namespace InterpAudit.Tests.Checks;

/// <summary>
/// merge rebuilds a split unit's declarations from their canonical form (issue #19): every check
/// attribute comes back with every setting it was declared with, and a line that is not one fails
/// with a reason, never with a half-set attribute.
/// </summary>
public sealed class CanonicalAttributeTests
{
    public static TheoryData<AuditCheckAttribute> Declared() => new(Attributes);

    private static readonly AuditCheckAttribute[] Attributes =
    [
        new AccuracyCheckAttribute { Class = "7", Min = 0.95, Severity = CheckSeverity.Warning },
        new InformationCheckAttribute("relu1") { MinLabelBits = 3.1, Components = 2, Permutations = 200, RegressionTolerance = 0.05 },
        new RedundancyCheckAttribute("relu1", "fc2") { MaxCoInformation = 10 },
        new ModularityCheckAttribute("fc2") { Clusters = 4, MinClusterability = 0.9 },
        new AblationCheckAttribute("fc2") { Clusters = 3, RandomSets = 25, Ablation = AblationKind.Zero, MinSpecialization = 0.15 },
        new CircuitCheckAttribute { Mode = EcsMode.Both, MaxMeanEcs = 0.06, MaxEcs = 0.085, MaxSamplesPerClass = 20, Class = "b" },
        new LibCheckAttribute { Layers = ["relu1", "relu2"], MaxFeatures99 = 12, MinSparsityGain = 0.7 },
    ];

    [Theory]
    [MemberData(nameof(Declared))]
    public void Every_check_attribute_is_rebuilt_with_the_settings_it_was_declared_with(AuditCheckAttribute declared)
    {
        string line = CanonicalAttribute.Line(declared);
        AuditCheckAttribute rebuilt = CanonicalAttribute.Rebuild(line);

        Assert.IsType(declared.GetType(), rebuilt);
        // Property by property, not through the line: a setting Rebuild dropped would also be missing from its line.
        foreach (var property in declared.GetType().GetProperties().Where(p => p.DeclaringType != typeof(Attribute)))
            Assert.Equal(property.GetValue(declared), property.GetValue(rebuilt));
    }

    [Fact]
    public void Every_check_family_is_covered_above()
    {
        Type[] families = typeof(AuditCheckAttribute).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(AuditCheckAttribute)) && !t.IsAbstract).ToArray();
        Assert.Equal(families.Select(t => t.Name).Order(), Attributes.Select(a => a.GetType().Name).Order());
    }

    [Theory]
    [InlineData("""{"attribute":"System.ObsoleteAttribute"}""", "'System.ObsoleteAttribute' is not one of InterpAudit's check attributes")]
    [InlineData("""{"attribute":"InterpAudit.AuditCheckAttribute"}""", "is not one of InterpAudit's check attributes")]
    [InlineData("""[1, 2]""", "not a JSON object")]
    [InlineData("""{"attribute":"InterpAudit.AccuracyCheckAttribute","Class":"7"}""", "AccuracyCheckAttribute has no Min")]
    [InlineData("""{"attribute":"InterpAudit.AccuracyCheckAttribute","Class":"7","Min":"high","MinOverall":"NaN","RegressionTolerance":"NaN","Severity":"Error"}""", "AccuracyCheckAttribute.Min is \"high\", not a Double")]
    [InlineData("""{"attribute":"InterpAudit.AccuracyCheckAttribute","Class":"7","Min":"0.950","MinOverall":"NaN","RegressionTolerance":"NaN","Severity":"Error"}""", "not as recorded")]
    public void A_line_that_is_not_a_check_attribute_fails_saying_why(string line, string why)
    {
        var e = Assert.Throws<InvalidDataException>(() => CanonicalAttribute.Rebuild(line));
        Assert.Contains(why, e.Message);
    }
}
