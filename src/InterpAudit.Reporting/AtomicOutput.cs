using System.Diagnostics;

namespace InterpAudit.Reporting;

/// <summary>
/// Writes a set of files so that a reader sees either the previous complete set or the new one, never
/// a half-written file: everything goes to temporary files in the destination folder first, and only
/// when all of them are complete are they renamed over the old ones (a rename within one folder is
/// atomic). A failure before the renames leaves the previous outputs untouched.
/// The renames happen under an exclusive lock per folder, so that two audits writing the same folder at
/// once (two configurations of one project built with -m and a shared output path) leave one run's
/// complete set rather than a mixture of both.
/// </summary>
public static class AtomicOutput
{
    /// <summary>How long a writer waits for another writer's renames (milliseconds of renames, normally).</summary>
    public static TimeSpan LockTimeout { get; } = TimeSpan.FromSeconds(60);

    public static IReadOnlyList<string> WriteAll(string directory, IEnumerable<(string FileName, Action<Stream> Write)> files)
    {
        Directory.CreateDirectory(directory);
        RemoveAbandonedTemporaries(directory);
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
            using (AcquireLock(directory))
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

    /// <summary>
    /// An exclusive handle on the folder's lock file. Open with FileShare.None is a lock that .NET
    /// enforces between processes on Linux, macOS and Windows alike. The file lives in the temporary
    /// folder, named by a hash of the output folder's full path, so the output folder holds only outputs;
    /// it stays after use (deleting it would race with the next writer opening it).
    /// </summary>
    public static string LockPath(string directory)
    {
        string key = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        byte[] hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key));
        return Path.Combine(Path.GetTempPath(), $"interpaudit-{Convert.ToHexStringLower(hash, 0, 8)}.lock");
    }

    private static FileStream AcquireLock(string directory)
    {
        string path = LockPath(directory);
        var clock = Stopwatch.StartNew();
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (clock.Elapsed < LockTimeout)
            {
                Thread.Sleep(Math.Min(200, 5 << Math.Min(attempt, 5)));
            }
        }
    }

    /// <summary>
    /// Temporary files left by a writer that was killed between writing and renaming (a killed process
    /// runs no finally blocks). Their names carry the writer's process id; those whose process no longer
    /// runs are removed, a live writer's are left alone.
    /// </summary>
    private static void RemoveAbandonedTemporaries(string directory)
    {
        foreach (string path in Directory.EnumerateFiles(directory, ".*.tmp"))
        {
            string[] parts = Path.GetFileName(path).Split('.');
            // ".{fileName}.{pid}.{guid}.tmp": the pid is the third part from the end.
            if (parts.Length < 4 || !int.TryParse(parts[^3], out int pid) || IsRunning(pid)) continue;
            try { File.Delete(path); }
            catch (IOException) { } // another writer removed it first
        }
    }

    private static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId) return true;
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
