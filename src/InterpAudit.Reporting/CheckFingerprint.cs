using System.Security.Cryptography;
using System.Text;
using InterpAudit.Results;

namespace InterpAudit.Reporting;

/// <summary>
/// A stable identity for one check across runs: audit, family, metric, scope and the declaring
/// attribute — not the value, and not the line (moving an attribute must not make a new finding).
/// </summary>
public static class CheckFingerprint
{
    public static string Of(string audit, CheckResult check)
    {
        MetricId id = check.Id;
        string identity = string.Join('\u001f', audit, id.Family, id.Metric, id.Scope, check.Declaration.AttributeType, check.Declaration.Ordinal);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..32];
    }
}
