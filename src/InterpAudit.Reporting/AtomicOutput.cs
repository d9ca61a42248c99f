namespace InterpAudit.Reporting;

/// <summary>
/// Writes a set of files so that a reader sees either the previous complete set or the new one, never
/// a half-written file: everything goes to temporary files in the destination folder first, and only
/// when all of them are complete are they renamed over the old ones (a rename within one folder is
/// atomic). A failure before the renames leaves the previous outputs untouched.
/// </summary>
public static class AtomicOutput
{
    public static IReadOnlyList<string> WriteAll(string directory, IEnumerable<(string FileName, Action<Stream> Write)> files)
    {
        Directory.CreateDirectory(directory);
        var staged = new List<(string Temporary, string Final)>();
        try
        {
            foreach ((string fileName, Action<Stream> write) in files)
            {
                string final = Path.Combine(directory, fileName);
                string temporary = Path.Combine(directory, $".{fileName}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
                staged.Add((temporary, final));
                using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
                {
                    write(stream);
                    stream.Flush(flushToDisk: true);
                }
            }
            foreach ((string temporary, string final) in staged)
                File.Move(temporary, final, overwrite: true);
            return staged.Select(s => s.Final).ToArray();
        }
        finally
        {
            foreach ((string temporary, _) in staged)
                if (File.Exists(temporary)) File.Delete(temporary);
        }
    }
}
