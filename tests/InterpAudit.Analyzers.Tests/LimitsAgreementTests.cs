using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using InterpAudit.Analyzers.Tests.Verifiers;
using InterpAudit.Checks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace InterpAudit.Analyzers.Tests;

/// <summary>
/// IA0001 and the audit's own validation (<see cref="DeclaredLimits"/>, IA3013) read the same
/// <c>[Bound]</c> and <c>[ValidRange]</c> metadata; this holds them to it. Every ranged property of
/// every check attribute in InterpAudit.Abstractions, and of <see cref="InterpretabilityAuditAttribute"/>,
/// is probed at and around its limits: each probe is compiled through the analyzer and constructed by
/// reflection for the audit, and both must reject exactly the same probes.
/// </summary>
public sealed class LimitsAgreementTests
{
    // What InterpAudit.Abstractions declares today; a new family raises them, a lost declaration fails here.
    private const int CheckFamiliesToday = 7;
    private const int RangedPropertiesToday = 36;

    private static readonly Assembly Abstractions = typeof(AuditCheckAttribute).Assembly;

    private static IReadOnlyList<Type> CheckAttributeTypes { get; } = Abstractions.GetTypes()
        .Where(t => !t.IsAbstract && typeof(AuditCheckAttribute).IsAssignableFrom(t))
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .ToList();

    private static IReadOnlyList<Type> DeclarationTypes { get; } = [.. CheckAttributeTypes, typeof(InterpretabilityAuditAttribute)];

    [Fact]
    public void Every_check_attribute_names_its_family_and_the_names_are_distinct()
    {
        Assert.All(CheckAttributeTypes, t =>
            Assert.False(string.IsNullOrEmpty(t.GetCustomAttribute<CheckFamilyAttribute>(inherit: false)?.Name), $"{t.Name} has no [CheckFamily(\"name\")]"));
        var names = CheckAttributeTypes.Select(t => t.GetCustomAttribute<CheckFamilyAttribute>(inherit: false)?.Name).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Every_family_and_every_ranged_property_is_found()
    {
        Assert.True(CheckAttributeTypes.Count >= CheckFamiliesToday,
            $"found {CheckAttributeTypes.Count} check attributes ({string.Join(", ", CheckAttributeTypes.Select(t => t.Name))}), expected at least {CheckFamiliesToday}");
        // A family must declare its bounds as [Bound]: without them neither the audit nor IA0001 can judge them.
        Assert.All(CheckAttributeTypes, t => Assert.True(RangedProperties(t).Any(p => p.GetCustomAttribute<BoundAttribute>() is not null), $"{t.Name} declares no [Bound] property"));
        Assert.NotEmpty(RangedProperties(typeof(InterpretabilityAuditAttribute)));
        int ranged = DeclarationTypes.Sum(t => RangedProperties(t).Count);
        Assert.True(ranged >= RangedPropertiesToday, $"found {ranged} properties with [Bound] or [ValidRange], expected at least {RangedPropertiesToday}");
    }

    [Fact]
    public async Task The_analyzer_and_the_audit_reject_the_same_values()
    {
        List<Probe> probes = DeclarationTypes.SelectMany(t => RangedProperties(t).SelectMany(p => ProbesOf(t, p))).ToList();

        List<string> rejectedByAudit = probes.Where(p => DeclaredLimits.Violations(p.Construct()).Any()).Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
        List<string> rejectedByAnalyzer = (await ReportedByAnalyzer(probes)).Order(StringComparer.Ordinal).ToList();

        // Both sides reject some probes and accept others: neither is vacuous.
        Assert.NotEmpty(rejectedByAudit);
        Assert.True(rejectedByAudit.Count < probes.Count, "the audit rejects every probe");
        List<string> auditOnly = rejectedByAudit.Except(rejectedByAnalyzer).ToList(), analyzerOnly = rejectedByAnalyzer.Except(rejectedByAudit).ToList();
        Assert.True(auditOnly.Count == 0 && analyzerOnly.Count == 0,
            $"Of {probes.Count} probes, rejected by the audit (IA3013) but not by IA0001: [{string.Join("; ", auditOnly)}]; "
            + $"by IA0001 but not by the audit: [{string.Join("; ", analyzerOnly)}]");
    }

    /// <summary>Public instance properties with a limit, as <see cref="DeclaredLimits"/> finds them (inherited ones included).</summary>
    private static List<PropertyInfo> RangedProperties(Type type) => type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.GetCustomAttribute<BoundAttribute>() is not null || p.GetCustomAttribute<ValidRangeAttribute>() is not null)
        .ToList();

    private static (double Lower, double Upper) LimitsOf(PropertyInfo property) =>
        property.GetCustomAttribute<BoundAttribute>() is { } bound ? (bound.Lower, bound.Upper)
        : property.GetCustomAttribute<ValidRangeAttribute>() is { } valid ? (valid.Lower, valid.Upper)
        : throw new ArgumentException(property.Name + " has no limit");

    /// <summary>Just below, at and just above the lower limit, at and just above the upper one (finite limits only), NaN and ±∞.</summary>
    private static IEnumerable<Probe> ProbesOf(Type type, PropertyInfo property)
    {
        (double lower, double upper) = LimitsOf(property);
        bool integer = property.PropertyType == typeof(int);
        var values = new List<double>();
        if (double.IsFinite(lower)) values.AddRange(integer ? [lower - 1, lower, lower + 1] : [Math.BitDecrement(lower), lower, Math.BitIncrement(lower)]);
        if (double.IsFinite(upper)) values.AddRange(integer ? [upper, upper + 1] : [upper, Math.BitIncrement(upper)]);
        if (!double.IsFinite(lower) && !double.IsFinite(upper)) values.Add(0);
        // An int cannot be written as NaN or ∞.
        if (!integer) values.AddRange([double.NaN, double.PositiveInfinity, double.NegativeInfinity]);

        PropertyInfo? companion = CompanionBound(type, property);
        foreach (double value in values.Distinct())
        {
            // A bound left at NaN with no other bound set is "nothing to check", which the audit reports
            // and IA0001 leaves to it; set another bound to an accepted value so only the probe is judged.
            bool needsCompanion = typeof(AuditCheckAttribute).IsAssignableFrom(type)
                && (property.GetCustomAttribute<BoundAttribute>() is null || double.IsNaN(value));
            if (needsCompanion && companion is null) continue;
            yield return new Probe(type, property, value, needsCompanion ? companion : null);
        }
    }

    private static PropertyInfo? CompanionBound(Type type, PropertyInfo probed) =>
        RangedProperties(type).FirstOrDefault(p => p.Name != probed.Name && p.GetCustomAttribute<BoundAttribute>() is not null);

    /// <summary>A value inside the companion bound's range.</summary>
    private static double AcceptedValue(PropertyInfo bound)
    {
        (double lower, double upper) = LimitsOf(bound);
        return (double.IsFinite(lower), double.IsFinite(upper)) switch
        {
            (true, true) => (lower + upper) / 2,
            (true, false) => lower,
            (false, true) => upper,
            _ => 0,
        };
    }

    /// <summary>The keys of the probes on whose declaration IA0001 is reported, all probes compiled at once, one file each.</summary>
    private static async Task<IEnumerable<string>> ReportedByAnalyzer(IReadOnlyList<Probe> probes)
    {
        var parseOptions = (CSharpParseOptions)AuditTestSettings.Parse(CSharpParseOptions.Default);
        IEnumerable<SyntaxTree> trees = probes.Select((p, i) => CSharpSyntaxTree.ParseText(p.Source("Probe" + i), parseOptions, path: "Probe" + i + ".cs"));
        var compilation = CSharpCompilation.Create("LimitsAgreement", trees, AuditReferences.All,
            (CSharpCompilationOptions)AuditTestSettings.Compilation(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        ImmutableArray<Diagnostic> diagnostics = await compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new CheckBoundsAnalyzer()))
            .GetAnalyzerDiagnosticsAsync();
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001"); // the analyzer threw
        Assert.All(diagnostics, d => Assert.Equal(Rules.BoundOutOfRangeId, d.Id));
        return diagnostics
            .Select(d => int.Parse(Path.GetFileNameWithoutExtension(d.Location.SourceTree!.FilePath).Substring("Probe".Length), CultureInfo.InvariantCulture))
            .Distinct()
            .Select(i => probes[i].Key);
    }

    /// <summary>One declaration: the probed property set to one value (and, where needed, another bound to an accepted one).</summary>
    private sealed record Probe(Type Attribute, PropertyInfo Property, double Value, PropertyInfo? Companion)
    {
        public string Key => $"{Attribute.Name}.{Property.Name} = {Literal(Property, Value)}";

        public string Source(string className)
        {
            var arguments = ConstructorParameters.Select(p => "\"" + ArgumentFor(p) + "\"").ToList();
            if (Companion is not null) arguments.Add($"{Companion.Name} = {Literal(Companion, AcceptedValue(Companion))}");
            arguments.Add($"{Property.Name} = {Literal(Property, Value)}");
            string name = Attribute.Name.Substring(0, Attribute.Name.Length - "Attribute".Length);
            return $"[InterpAudit.{name}({string.Join(", ", arguments)})]\npublic sealed class {className} {{ }}\n";
        }

        public Attribute Construct()
        {
            var attribute = (Attribute)Activator.CreateInstance(Attribute, ConstructorParameters.Select(p => (object)ArgumentFor(p)).ToArray())!;
            if (Companion is not null) Set(attribute, Companion, AcceptedValue(Companion));
            Set(attribute, Property, Value);
            return attribute;
        }

        /// <summary>The constructor with the fewest parameters, all strings: layer names, the audit's name.</summary>
        private ParameterInfo[] ConstructorParameters => Attribute.GetConstructors()
            .OrderBy(c => c.GetParameters().Length)
            .First(c => c.GetParameters().All(p => p.ParameterType == typeof(string)))
            .GetParameters();

        private static string ArgumentFor(ParameterInfo parameter) => parameter.Name switch
        {
            "name" => "probe",
            "layerB" => "fc2",
            _ => "fc1",
        };

        private static void Set(Attribute attribute, PropertyInfo property, double value) =>
            property.SetValue(attribute, property.PropertyType == typeof(int) ? checked((int)value) : (object)value);

        private static string Literal(PropertyInfo property, double value) =>
            property.PropertyType == typeof(int) ? checked((int)value).ToString(CultureInfo.InvariantCulture)
            : double.IsNaN(value) ? "double.NaN"
            : double.IsPositiveInfinity(value) ? "double.PositiveInfinity"
            : double.IsNegativeInfinity(value) ? "double.NegativeInfinity"
            : value.ToString("R", CultureInfo.InvariantCulture);
    }
}
