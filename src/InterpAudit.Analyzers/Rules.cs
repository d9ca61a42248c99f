using Microsoft.CodeAnalysis;

namespace InterpAudit.Analyzers;

/// <summary>
/// Every diagnostic the analyzers report. Ids are stable; each one is explained, with its fix, in
/// docs/diagnostics.md under the anchor of its lowercase id. Errors are reserved for declarations
/// the audit is known to reject at run time (IA3004, IA3013, IA3016); the rest are warnings.
/// </summary>
internal static class Rules
{
    public const string BoundOutOfRangeId = "IA0001";
    public const string CheckOutsideAuditId = "IA0002";
    public const string AuditWithoutTargetId = "IA0003";
    public const string AuditNotCreatableId = "IA0004";
    public const string UnknownLayerId = "IA0005";
    public const string DuplicateCheckId = "IA0006";
    public const string AuditNameId = "IA0007";

    private const string Category = "InterpAudit";

    // IA0001 has four messages for the ways a declared value can be impossible; they share an id, a
    // title and a documentation section. The limits come from the [Bound] and [ValidRange] metadata
    // of the attribute's properties, the same the audit validates (IA3013).
    private const string BoundTitle = "Check bound out of range";

    public static readonly DiagnosticDescriptor BoundOutOfRange = new(
        BoundOutOfRangeId,
        BoundTitle,
        "[{0}] {1} = {2} is outside [0, 1]: expected a fraction (0.9 means 90 %)",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
        description: "A bound declared as a fraction (an accuracy, a share of units, a clusterability) outside [0, 1] can never be met, and the audit rejects the declaration (IA3013).",
        helpLinkUri: HelpLink(BoundOutOfRangeId));

    public static readonly DiagnosticDescriptor ValueOutOfRange = new(
        BoundOutOfRangeId,
        BoundTitle,
        "[{0}] {1} = {2} is out of range: expected {3}{4}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
        description: "A bound or setting outside the range its property declares ([Bound] or [ValidRange]: a count of at least 1, a rate in (0, 0.5]) makes the check impossible, and the audit rejects the declaration (IA3013).",
        helpLinkUri: HelpLink(BoundOutOfRangeId));

    public static readonly DiagnosticDescriptor NotFinite = new(
        BoundOutOfRangeId,
        BoundTitle,
        "[{0}] {1} = {2} is not a finite number: expected {3}{4}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
        description: "An infinite bound or setting is never accepted; the audit rejects the declaration (IA3013). Leave a bound unset (NaN, its default) to not check it.",
        helpLinkUri: HelpLink(BoundOutOfRangeId));

    public static readonly DiagnosticDescriptor MinAboveMax = new(
        BoundOutOfRangeId,
        BoundTitle,
        "[{0}] {1} = {2} is greater than {3} = {4}: no value can pass both; swap the bounds",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
        description: "A minimum above the maximum of the same metric (two [Bound]s on one metric) makes the check fail whatever the model does, and the audit rejects the declaration (IA3013).",
        helpLinkUri: HelpLink(BoundOutOfRangeId));

    public static readonly DiagnosticDescriptor CheckOutsideAudit = new(
        CheckOutsideAuditId,
        "Check attribute on a class that is not an audit",
        "'{0}' declares {1} but is not marked [InterpretabilityAudit(\"name\")], so the checks never run: add the attribute, or move the checks to an audit class",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true,
        description: "The audit reads check attributes only from classes marked [InterpretabilityAudit]. Check attributes are not inherited.",
        helpLinkUri: HelpLink(CheckOutsideAuditId));

    public static readonly DiagnosticDescriptor AuditWithoutTarget = new(
        AuditWithoutTargetId,
        "Audit class does not implement IAuditTarget",
        "'{0}' is marked [InterpretabilityAudit] but does not implement InterpAudit.IAuditTarget: implement it, so that the audit can create the model and read the evaluation data",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
        description: "The audit creates the class and calls IAuditTarget's members; a class without it is rejected at run time (IA3004).",
        helpLinkUri: HelpLink(AuditWithoutTargetId));

    public static readonly DiagnosticDescriptor AuditNotCreatable = new(
        AuditNotCreatableId,
        "Audit class cannot be created",
        "'{0}' cannot be created by the audit: {1}; expected a non-abstract, non-generic class with a public parameterless constructor",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
        description: "The audit creates the class with its public parameterless constructor; otherwise it is rejected at run time (IA3004).",
        helpLinkUri: HelpLink(AuditNotCreatableId));

    public static readonly DiagnosticDescriptor UnknownLayer = new(
        UnknownLayerId,
        "Unknown layer name",
        "Layer '{0}' is not a module of {1}: expected one of {2}",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true,
        description: "Checks name layers as named_modules() does. Reported only when the model's sub-modules can be read from source: CreateModel() returns new SomeModule() and every register_module name in it is a constant.",
        helpLinkUri: HelpLink(UnknownLayerId));

    public static readonly DiagnosticDescriptor DuplicateCheck = new(
        DuplicateCheckId,
        "Duplicate check",
        "[{0}] declares {1} again for the same scope as the check on line {2}{3}: remove one of them, or give them different severities for a warning level above the error level",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true,
        description: "Two bounds on one metric and scope at the same severity are judged separately; at most one of them is meant.",
        helpLinkUri: HelpLink(DuplicateCheckId));

    // IA0007 mirrors the run-time IA3016, which covers both ways an audit name can be unusable.
    private const string AuditNameTitle = "Audit name is reused or not usable as a folder name";

    public static readonly DiagnosticDescriptor AuditNameReused = new(
        AuditNameId,
        AuditNameTitle,
        "Audit name \"{0}\" is also used by {1}: the name is the audit's output folder; give each audit class its own name",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
        description: "Each audit writes to a folder named after it; the audit rejects two classes with one name (IA3016).",
        helpLinkUri: HelpLink(AuditNameId));

    public static readonly DiagnosticDescriptor AuditNameInvalid = new(
        AuditNameId,
        AuditNameTitle,
        "Audit name \"{0}\" is not usable as a folder name: {1}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
        description: "Each audit writes to a folder named after it, so the name must be a plain folder name on Linux, macOS and Windows alike: ASCII letters, digits, '-', '_' and '.', not '.' or '..', no trailing '.', and not a Windows device name (CON, PRN, AUX, NUL, COM0-9, LPT0-9, with any extension); the audit rejects others (IA3016).",
        helpLinkUri: HelpLink(AuditNameId));

    private static string HelpLink(string id) =>
        "https://github.com/interpaudit/interpaudit/blob/main/docs/diagnostics.md#" + id.ToLowerInvariant();
}
