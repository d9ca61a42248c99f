using InterpAudit.Checks;
using InterpAudit.Results;

namespace InterpAudit.Sharding;

/// <summary>
/// Judges a split unit's declaration (<see cref="DeferredCheck"/>) once merge has assembled its
/// measurements: the attribute rebuilt from its canonical form, the same <see cref="ICheck.Evaluate"/>
/// as the unsharded audit runs, over a <see cref="CheckContext.Recorded"/> context. So every derived
/// figure (a mean over classes) is computed from the whole measurement, by the same code.
/// </summary>
public static class DeferredJudgement
{
    /// <exception cref="InvalidDataException">The recorded attribute is not one this InterpAudit can rebuild, or a measurement it asks for was not recorded.</exception>
    public static IReadOnlyList<CheckResult> Judge(CheckCatalog catalog, DeferredCheck deferred, CheckDeclaration declaration,
        IEnumerable<KeyValuePair<string, object>> measurements, IReadOnlyList<string> classNames, int seed)
    {
        AuditCheckAttribute attribute = CanonicalAttribute.Rebuild(deferred.Attribute);
        if (attribute.GetType().Name != declaration.AttributeType)
            throw new InvalidDataException($"declaration {deferred.Declaration} is a [{declaration.AttributeType}], but its recorded attribute is a {attribute.GetType().Name}");
        ICheck check = catalog.For(attribute, declaration);
        CheckContext context = CheckContext.Recorded(measurements, classNames, seed);
        return check.Evaluate(attribute, declaration, context).Select(r => r with { Location = deferred.Location }).ToList();
    }
}
