using System.Reflection;

namespace InterpAudit.Checks;

/// <summary>The family an attribute type declares, from its <see cref="CheckFamilyAttribute"/>.</summary>
public static class FamilyName
{
    public static string Of(Type attributeType) =>
        attributeType.GetCustomAttribute<CheckFamilyAttribute>()?.Name
        ?? throw new InvalidOperationException($"{attributeType.Name} declares no [CheckFamily(\"name\")]; every check attribute must.");
}
