using System;

namespace InterpAudit;

/// <summary>
/// Whether an audit name can be its output folder, <c>&lt;output&gt;/&lt;name&gt;/</c>, on every system a
/// project may be built on: the one rule behind the analyzer's IA0007 and the runner's IA3016. This file
/// is compiled into both (a linked source): the analyzers are netstandard2.0 and reference only Roslyn,
/// so they cannot share an assembly with the runner, and two copies of the rule would drift.
/// </summary>
internal static class AuditFolderName
{
    /// <summary>
    /// Null when <paramref name="name"/> is a plain folder name everywhere; otherwise what is wrong with
    /// it, as "expected …, found …" (the diagnostics put it after "is not usable as a folder name: ").
    /// </summary>
    public static string? Problem(string name)
    {
        if (name.Length == 0)
            return "expected letters, digits, '-', '_' and '.', found an empty name";
        foreach (char c in name)
            if (!IsAllowed(c))
                return $"expected letters, digits, '-', '_' and '.' only, found {Describe(c)}";
        // Path.Combine(output, name) would be the output folder itself or its parent: an audit would
        // write over the index page or outside the output folder.
        if (name == ".")
            return "expected a plain folder name, found '.', which names the output folder itself";
        if (name == "..")
            return "expected a plain folder name, found '..', which names the folder above it";
        // Windows drops trailing dots (and spaces, which are not allowed at all): "mlp." and "mlp"
        // would be one folder there and two on Linux.
        if (name.EndsWith(".", StringComparison.Ordinal))
            return $"expected a name that does not end with '.', found \"{name}\" (Windows drops trailing dots from folder names)";
        // Windows opens a device, not a folder, for these names, with any extension ("nul.txt") and in any case.
        int dot = name.IndexOf('.');
        string stem = dot < 0 ? name : name.Substring(0, dot);
        if (IsDeviceName(stem))
            return $"expected a name that is not reserved on Windows, found '{stem}', a device name on Windows (CON, PRN, AUX, NUL, COM0-COM9 and LPT0-LPT9, in any case and with any extension)";
        return null;
    }

    // ASCII only: these characters mean the same on every file system and in every URL of the reports.
    // It leaves out everything Windows forbids (< > : " / \ | ? * and control characters) and spaces.
    private static bool IsAllowed(char c) => c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9' or '.' or '_' or '-';

    private static bool IsDeviceName(string stem)
    {
        string upper = stem.ToUpperInvariant();
        if (upper is "CON" or "PRN" or "AUX" or "NUL") return true;
        return upper.Length == 4 && (upper.StartsWith("COM", StringComparison.Ordinal) || upper.StartsWith("LPT", StringComparison.Ordinal))
            && upper[3] is >= '0' and <= '9';
    }

    private static string Describe(char c) =>
        c == ' ' ? "a space"
        : char.IsControl(c) || char.IsWhiteSpace(c) ? $"the character U+{(int)c:X4}"
        : $"'{c}' (U+{(int)c:X4})";
}
