using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using InterpAudit.Checks;

namespace InterpAudit.Tests.Checks;

/// <summary>
/// The configuration hash: the same for the same declarations on any machine, culture and order of
/// attributes, and different as soon as any declared setting of the audit or of any check changes.
/// </summary>
public sealed class AuditConfigurationTests
{
    private static InterpretabilityAuditAttribute Audit() => new("mnist") { FalseAlarmRate = 0.01 };

    private static AuditCheckAttribute[] Checks() =>
    [
        new AccuracyCheckAttribute { Class = "7", Min = 0.95 },
        new LibCheckAttribute { Layers = ["fc1", "fc2"], MaxFeatures99 = 40 },
    ];

    /// <summary>The canonical form as docs/diagnostics.md specifies it, spelt out by hand rather than produced by the code under test.</summary>
    private const string ExpectedAccuracyLine =
        """{"attribute":"InterpAudit.AccuracyCheckAttribute","Class":"7","Min":"0.95","MinOverall":"NaN","RegressionTolerance":"NaN","Severity":"Error"}""";

    private const string ExpectedAuditLine =
        """{"attribute":"InterpAudit.InterpretabilityAuditAttribute","BatchSize":"256","Dataset":null,"FalseAlarmRate":"0.01","Name":"mnist","Seed":"0","Split":null}""";

    [Fact]
    public void The_canonical_form_is_the_documented_one_and_the_hash_is_its_sha256()
    {
        var accuracy = new AccuracyCheckAttribute { Class = "7", Min = 0.95 };
        string canonical = AuditConfiguration.Canonical(Audit(), [accuracy]);
        Assert.Equal(ExpectedAuditLine + "\n" + ExpectedAccuracyLine + "\n", canonical);
        string expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ExpectedAuditLine + "\n" + ExpectedAccuracyLine + "\n")));
        Assert.Equal(expected, AuditConfiguration.Sha256(Audit(), [accuracy]));
    }

    [Fact]
    public void The_hash_is_stable_across_instances_cultures_and_the_order_attributes_are_written_in()
    {
        string hash = AuditConfiguration.Sha256(Audit(), Checks());
        Assert.Equal(hash, AuditConfiguration.Sha256(Audit(), Checks().Reverse()));
        CultureInfo before = CultureInfo.CurrentCulture;
        try
        {
            // A decimal comma and a different digit grouping: nothing of the culture reaches the form.
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal(hash, AuditConfiguration.Sha256(Audit(), Checks()));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    public static TheoryData<Type> AttributeTypes() => new(typeof(InterpretabilityAuditAttribute).Assembly.GetTypes()
        .Where(t => typeof(Attribute).IsAssignableFrom(t) && !t.IsAbstract && (t == typeof(InterpretabilityAuditAttribute) || typeof(AuditCheckAttribute).IsAssignableFrom(t)))
        .OrderBy(t => t.Name, StringComparer.Ordinal));

    /// <summary>
    /// Every setting of every audit and check attribute — each constructor argument and each settable
    /// property, changed on its own — changes the hash.
    /// </summary>
    [Theory]
    [MemberData(nameof(AttributeTypes))]
    public void Changing_any_declared_setting_changes_the_hash(Type type)
    {
        ConstructorInfo constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        Attribute Create(int changedArgument = -1) => (Attribute)constructor.Invoke(
            constructor.GetParameters().Select((p, i) => (object)(i == changedArgument ? "b" : "a")).ToArray());
        string Hash(Attribute attribute) => attribute is InterpretabilityAuditAttribute audit
            ? AuditConfiguration.Sha256(audit, [])
            : AuditConfiguration.Sha256(new InterpretabilityAuditAttribute("a"), [(AuditCheckAttribute)attribute]);

        string original = Hash(Create());
        Assert.Equal(original, Hash(Create()));
        for (int i = 0; i < constructor.GetParameters().Length; i++)
            Assert.True(original != Hash(Create(i)), $"{type.Name}'s argument {constructor.GetParameters()[i].Name} changed but the hash did not");
        PropertyInfo[] settable = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).ToArray();
        Assert.NotEmpty(settable);
        foreach (PropertyInfo property in settable)
        {
            Attribute changed = Create();
            property.SetValue(changed, Other(property.PropertyType, property.GetValue(changed)));
            Assert.True(original != Hash(changed), $"{type.Name}.{property.Name} changed but the hash did not");
        }
    }

    /// <summary>A value of the property's type that differs from <paramref name="current"/>.</summary>
    private static object Other(Type type, object? current)
    {
        if (type == typeof(double)) return current is double d && !double.IsNaN(d) ? d + 0.125 : 0.5;
        if (type == typeof(int)) return (int)current! + 1;
        if (type == typeof(string)) return current is "x" ? "y" : "x";
        if (type == typeof(string[])) return new[] { "x" };
        if (type.IsEnum)
        {
            Array values = Enum.GetValues(type);
            foreach (object value in values)
                if (!value.Equals(current)) return value;
        }
        throw new NotSupportedException($"no other value for {type.Name}: add a case");
    }
}
