using System.Reflection;
using InterpAudit.Diagnostics;
using InterpAudit.Results;

namespace InterpAudit.Checks;

/// <summary>Maps each check attribute type to the <see cref="ICheck"/> that judges it.</summary>
public sealed class CheckCatalog
{
    private readonly Dictionary<Type, ICheck> _checks;

    public CheckCatalog(IEnumerable<ICheck> checks) => _checks = checks.ToDictionary(c => c.AttributeType);

    /// <summary>Every non-abstract <see cref="ICheck"/> in InterpAudit.Core.</summary>
    public static CheckCatalog Default { get; } = new(
        typeof(CheckCatalog).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(ICheck).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (ICheck)Activator.CreateInstance(t)!));

    public IReadOnlyCollection<Type> AttributeTypes => _checks.Keys;

    public ICheck For(AuditCheckAttribute attribute, CheckDeclaration declaration) =>
        _checks.TryGetValue(attribute.GetType(), out ICheck? check)
            ? check
            : throw new AuditInputException(DiagnosticCodes.InvalidCheckDeclaration,
                $"No check implements [{attribute.GetType().Name}]: expected one of {string.Join(", ", _checks.Keys.Select(k => k.Name))}. Update InterpAudit or remove the attribute.",
                declaration: declaration);
}
