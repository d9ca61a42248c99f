using InterpAudit.Results;
using InterpAudit.Runner.Locations;

namespace InterpAudit.Runner.Tests;

public sealed class SourceLocatorTests
{
    private const string Source = """
        using InterpAudit;

        namespace Samples;

        [InterpretabilityAudit("digits")]
        [AccuracyCheck(MinOverall = 0.9)]
        [System.Obsolete("unrelated attributes are skipped")]
        public sealed class DigitsAudit
        {
        }

        [InterpretabilityAudit("letters"), AccuracyCheckAttribute(Min = 0.5)]
            [InterpAudit.AccuracyCheck(Class = "a", Min = 0.8)]
        public sealed class LettersAudit
        {
        }
        """;

    private sealed class DigitsAudit;

    private sealed class LettersAudit;

    private static (SourceLocator Locator, string File) Parse()
    {
        string file = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".cs");
        File.WriteAllText(file, Source);
        return (SourceLocator.Parse([file, "/does/not/exist.cs"]), file);
    }

    [Fact]
    public void A_check_maps_to_its_attribute_name_at_line_and_column_one_based()
    {
        (SourceLocator locator, string file) = Parse();
        Assert.Equal(new SourceLocation(file, 6, 2), locator.CheckAttribute(typeof(DigitsAudit), "digits", new CheckDeclaration("AccuracyCheckAttribute", 0)));
        Assert.Equal(new SourceLocation(file, 5, 2), locator.AuditAttribute(typeof(DigitsAudit), "digits"));
    }

    [Fact]
    public void Ordinals_count_attributes_of_one_type_across_lists_whatever_their_spelling()
    {
        (SourceLocator locator, string file) = Parse();
        Assert.Equal(new SourceLocation(file, 12, 36), locator.CheckAttribute(typeof(LettersAudit), "letters", new CheckDeclaration("AccuracyCheckAttribute", 0)));
        Assert.Equal(new SourceLocation(file, 13, 6), locator.CheckAttribute(typeof(LettersAudit), "letters", new CheckDeclaration("AccuracyCheckAttribute", 1)));
    }

    [Fact]
    public void An_unknown_declaration_has_no_location_rather_than_a_wrong_one()
    {
        (SourceLocator locator, _) = Parse();
        Assert.Null(locator.CheckAttribute(typeof(DigitsAudit), "digits", new CheckDeclaration("AccuracyCheckAttribute", 1)));
        Assert.Null(locator.CheckAttribute(typeof(SourceLocatorTests), "none", new CheckDeclaration("AccuracyCheckAttribute", 0)));
    }
}
