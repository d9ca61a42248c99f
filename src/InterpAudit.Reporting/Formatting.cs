using System.Globalization;
using InterpAudit.Results;

namespace InterpAudit.Reporting;

/// <summary>Number and location formats shared by the human-readable writers.</summary>
internal static class Formatting
{
    public static string Number(double value) =>
        double.IsNaN(value) ? "NaN" : value.ToString("0.0000", CultureInfo.InvariantCulture);

    public static string Interval(Interval? interval) =>
        interval is null || double.IsNaN(interval.Lower) ? "—" : $"[{Number(interval.Lower)}, {Number(interval.Upper)}]";

    /// <summary>File name and position: the full path is machine-specific and is in metrics.json.</summary>
    public static string Location(SourceLocation? location) =>
        location is null ? "—" : $"{Path.GetFileName(location.File)}({location.Line},{location.Column})";

    public static string Verdict(AuditVerdict verdict) => verdict switch
    {
        AuditVerdict.Pass => "PASS",
        AuditVerdict.Warn => "PASS WITH WARNINGS",
        _ => "FAIL",
    };

    public static string Lower(Enum value) => value.ToString().ToLowerInvariant();
}
