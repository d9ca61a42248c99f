#nullable enable
// Compiled by MSBuild's RoslynCodeTaskFactory (build/InterpAudit.NativeCompat.targets) and, as a
// linked source, by tests/InterpAudit.Build.Tests. Keep it to netstandard2.0 APIs.
//
// Why this exists: libLibTorchSharp.so in TorchSharp 0.107.0 was linked with GCC 13 and lists a
// requirement on GLIBCXX_3.4.32 for one symbol (std::ios_base_library_init) that nothing calls.
// On a system whose libstdc++ predates GCC 13 (Debian 12 ships GCC 12) the dynamic loader refuses
// the whole library. Marking that one version requirement VER_FLG_WEAK makes the loader only note
// the missing version. See docs/torchsharp-native.md for the full reasoning and the checks made.
using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace InterpAudit.Build.NativeCompat
{
    /// <summary>What <see cref="WeakenGlibcxxRequirement.Weaken(byte[], string)"/> did to an image.</summary>
    public enum WeakenOutcome
    {
        /// <summary>The version requirement was strong and is now weak.</summary>
        Patched,
        /// <summary>The requirement was already weak; nothing changed (idempotence).</summary>
        AlreadyWeak,
        /// <summary>The image does not require that version at all.</summary>
        NotRequired,
    }

    /// <summary>
    /// Sets VER_FLG_WEAK on the Elf64_Vernaux entry named <see cref="VersionName"/> in each library,
    /// but only when the system's libstdc++ lacks that version. Writes through a temporary file and a
    /// rename so that a hard-linked copy never changes the NuGet cache.
    /// </summary>
    public sealed class WeakenGlibcxxRequirement : Microsoft.Build.Utilities.Task
    {
        private const uint ShtGnuVerneed = 0x6ffffffe;
        private const ushort VerFlagWeak = 0x2;

        /// <summary>The output copies of libLibTorchSharp.so.</summary>
        [Required]
        public ITaskItem[] Libraries { get; set; } = Array.Empty<ITaskItem>();

        /// <summary>The version requirement to weaken.</summary>
        public string VersionName { get; set; } = "GLIBCXX_3.4.32";

        /// <summary>The system libstdc++ to probe; empty means the usual Linux locations.</summary>
        public string SystemLibStdCxx { get; set; } = "";

        /// <summary>The libraries that were changed by this run.</summary>
        [Output]
        public ITaskItem[] Patched { get; set; } = Array.Empty<ITaskItem>();

        public override bool Execute()
        {
            string? systemLibrary = FindSystemLibStdCxx(SystemLibStdCxx);
            if (systemLibrary != null && ContainsVersionString(File.ReadAllBytes(systemLibrary), VersionName))
            {
                Log.LogMessage(MessageImportance.Low, "{0} provides {1}; libLibTorchSharp.so needs no change.", systemLibrary, VersionName);
                return true;
            }

            var patched = new List<ITaskItem>();
            foreach (ITaskItem library in Libraries)
            {
                string path = library.GetMetadata("FullPath");
                try
                {
                    byte[] image = File.ReadAllBytes(path);
                    WeakenOutcome outcome = Weaken(image, VersionName);
                    if (outcome == WeakenOutcome.Patched)
                    {
                        ReplaceAtomically(path, image);
                        patched.Add(library);
                        Log.LogMessage(MessageImportance.Normal, "Marked {0} weak in {1} (system libstdc++ lacks it).", VersionName, path);
                    }
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is InvalidDataException)
                {
                    Log.LogError(null, "IA3101", null, path, 0, 0, 0, 0,
                        "Could not make {0} loadable on this system: {1} Expected a writable ELF64 shared library.", path, e.Message);
                }
            }
            Patched = patched.ToArray();
            return !Log.HasLoggedErrors;
        }

        /// <summary>Weakens the named version requirement in an ELF64 little-endian image, in place.</summary>
        public static WeakenOutcome Weaken(byte[] image, string versionName)
        {
            if (image.Length < 64 || image[0] != 0x7f || image[1] != (byte)'E' || image[2] != (byte)'L' || image[3] != (byte)'F')
                throw new InvalidDataException("Not an ELF file.");
            if (image[4] != 2 || image[5] != 1)
                throw new InvalidDataException("Not a 64-bit little-endian ELF file.");

            ulong sectionHeaders = BitConverter.ToUInt64(image, 0x28);
            ushort sectionHeaderSize = BitConverter.ToUInt16(image, 0x3A);
            ushort sectionCount = BitConverter.ToUInt16(image, 0x3C);
            for (int s = 0; s < sectionCount; s++)
            {
                int header = Checked(sectionHeaders + (ulong)(s * sectionHeaderSize), 64, image);
                if (BitConverter.ToUInt32(image, header + 4) != ShtGnuVerneed)
                    continue;

                int verneed = Checked(BitConverter.ToUInt64(image, header + 0x18), 16, image);
                uint link = BitConverter.ToUInt32(image, header + 0x28);
                uint needCount = BitConverter.ToUInt32(image, header + 0x2C);
                int stringsHeader = Checked(sectionHeaders + (ulong)(link * sectionHeaderSize), 64, image);
                int strings = Checked(BitConverter.ToUInt64(image, stringsHeader + 0x18), 1, image);
                return WeakenInVerneed(image, verneed, needCount, strings, versionName);
            }
            return WeakenOutcome.NotRequired;
        }

        private static WeakenOutcome WeakenInVerneed(byte[] image, int verneed, uint needCount, int strings, string versionName)
        {
            for (uint n = 0; n < needCount; n++)
            {
                ushort auxCount = BitConverter.ToUInt16(image, verneed + 2);
                int aux = Checked((ulong)verneed + BitConverter.ToUInt32(image, verneed + 8), 16, image);
                for (int a = 0; a < auxCount; a++)
                {
                    int name = Checked((ulong)strings + BitConverter.ToUInt32(image, aux + 8), 1, image);
                    if (NameEquals(image, name, versionName))
                    {
                        ushort flags = BitConverter.ToUInt16(image, aux + 4);
                        if ((flags & VerFlagWeak) != 0)
                            return WeakenOutcome.AlreadyWeak;
                        flags |= VerFlagWeak;
                        image[aux + 4] = (byte)(flags & 0xff);
                        image[aux + 5] = (byte)(flags >> 8);
                        return WeakenOutcome.Patched;
                    }
                    uint nextAux = BitConverter.ToUInt32(image, aux + 12);
                    if (nextAux == 0) break;
                    aux = Checked((ulong)aux + nextAux, 16, image);
                }
                uint next = BitConverter.ToUInt32(image, verneed + 12);
                if (next == 0) break;
                verneed = Checked((ulong)verneed + next, 16, image);
            }
            return WeakenOutcome.NotRequired;
        }

        private static int Checked(ulong offset, int length, byte[] image)
        {
            if (offset + (ulong)length > (ulong)image.Length)
                throw new InvalidDataException("ELF structure points past the end of the file (truncated or corrupt).");
            return (int)offset;
        }

        private static bool NameEquals(byte[] image, int offset, string name)
        {
            byte[] expected = Encoding.ASCII.GetBytes(name);
            if (offset + expected.Length >= image.Length) return false;
            for (int i = 0; i < expected.Length; i++)
                if (image[offset + i] != expected[i]) return false;
            return image[offset + expected.Length] == 0;
        }

        /// <summary>True when the NUL-terminated version string occurs in a library image.</summary>
        public static bool ContainsVersionString(byte[] image, string versionName)
        {
            byte[] needle = Encoding.ASCII.GetBytes(versionName + "\0");
            for (int i = 0; i + needle.Length <= image.Length; i++)
            {
                int j = 0;
                while (j < needle.Length && image[i + j] == needle[j]) j++;
                if (j == needle.Length) return true;
            }
            return false;
        }

        private static string? FindSystemLibStdCxx(string configured)
        {
            if (configured.Length > 0)
                return File.Exists(configured) ? configured : null;
            string[] candidates =
            {
                "/usr/lib/x86_64-linux-gnu/libstdc++.so.6",
                "/usr/lib/aarch64-linux-gnu/libstdc++.so.6",
                "/usr/lib64/libstdc++.so.6",
                "/lib64/libstdc++.so.6",
                "/usr/lib/libstdc++.so.6",
            };
            foreach (string candidate in candidates)
                if (File.Exists(candidate)) return candidate;
            return null;
        }

        private static void ReplaceAtomically(string path, byte[] image)
        {
            // Keep the copy's timestamp: the SDK's copy step skips a file whose size and time match
            // the package's, so the patched copy survives incremental builds instead of being
            // re-copied (and re-patched) every time.
            DateTime copiedAt = File.GetLastWriteTimeUtc(path);
            string temporary = path + ".ia-tmp";
            File.WriteAllBytes(temporary, image);
            File.SetLastWriteTimeUtc(temporary, copiedAt);
            if (File.Exists(path)) File.Delete(path);
            File.Move(temporary, path);
        }
    }
}
