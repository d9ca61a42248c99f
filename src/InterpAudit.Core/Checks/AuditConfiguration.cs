using System.Security.Cryptography;
using System.Text;

namespace InterpAudit.Checks;

/// <summary>
/// The audit's configuration in one canonical form, and its SHA-256 (metrics.json
/// <c>configurationSha256</c>): two runs have the same hash exactly when they declared the same
/// attributes with the same settings, on any machine, culture or runtime.
/// </summary>
/// <remarks>
/// The form (docs/provenance.md, "The configuration hash"): one <see cref="CanonicalAttribute.Line"/>
/// per attribute (every public property, unset ones included, so a new default is a new configuration).
/// The audit's object is the first line, the checks' follow sorted ordinally — the order attributes are
/// written in declares nothing — each line ending in <c>\n</c>, hashed as UTF-8.
/// </remarks>
public static class AuditConfiguration
{
    public static string Canonical(InterpretabilityAuditAttribute audit, IEnumerable<AuditCheckAttribute> checks)
    {
        var text = new StringBuilder();
        text.Append(CanonicalAttribute.Line(audit)).Append('\n');
        foreach (string line in checks.Select(CanonicalAttribute.Line).Order(StringComparer.Ordinal))
            text.Append(line).Append('\n');
        return text.ToString();
    }

    public static string Sha256(InterpretabilityAuditAttribute audit, IEnumerable<AuditCheckAttribute> checks) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(audit, checks))));
}
