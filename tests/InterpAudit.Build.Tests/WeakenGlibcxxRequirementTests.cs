using System.Buffers.Binary;
using System.Text;
using InterpAudit.Build.NativeCompat;
using Microsoft.Build.Utilities;

namespace InterpAudit.Build.Tests;

public sealed class WeakenGlibcxxRequirementTests
{
    private const string Version = "GLIBCXX_3.4.32";

    /// <summary>
    /// A minimal ELF64 image: a string table and a .gnu.version_r section needing libstdc++.so.6 at
    /// GLIBCXX_3.4 and <paramref name="secondVersion"/>, laid out as the ELF specification says.
    /// </summary>
    private static byte[] SyntheticElf(string secondVersion = Version)
    {
        var image = new byte[512];
        "\u007fELF"u8.CopyTo(image);
        image[4] = 2; image[5] = 1; image[6] = 1;
        const int strtab = 64, verneed = 128, sections = 256;
        byte[] strings = Encoding.ASCII.GetBytes("\0libstdc++.so.6\0GLIBCXX_3.4\0" + secondVersion + "\0");
        strings.CopyTo(image, strtab);
        int library = 1, first = 16, second = 28;

        // Elf64_Verneed: version, cnt, file, aux, next; then two Elf64_Vernaux: hash, flags, other, name, next.
        Span<byte> need = image.AsSpan(verneed);
        BinaryPrimitives.WriteUInt16LittleEndian(need, 1);
        BinaryPrimitives.WriteUInt16LittleEndian(need[2..], 2);
        BinaryPrimitives.WriteUInt32LittleEndian(need[4..], (uint)library);
        BinaryPrimitives.WriteUInt32LittleEndian(need[8..], 16);
        BinaryPrimitives.WriteUInt32LittleEndian(need[(16 + 8)..], (uint)first);
        BinaryPrimitives.WriteUInt32LittleEndian(need[(16 + 12)..], 16);
        BinaryPrimitives.WriteUInt32LittleEndian(need[(32 + 8)..], (uint)second);

        BinaryPrimitives.WriteUInt64LittleEndian(image.AsSpan(0x28), sections);
        BinaryPrimitives.WriteUInt16LittleEndian(image.AsSpan(0x3A), 64);
        BinaryPrimitives.WriteUInt16LittleEndian(image.AsSpan(0x3C), 3);
        Section(image, sections + 64, type: 3, offset: strtab, link: 0, info: 0);
        Section(image, sections + 128, type: 0x6ffffffe, offset: verneed, link: 1, info: 1);
        return image;
    }

    private static void Section(byte[] image, int at, uint type, ulong offset, uint link, uint info)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(at + 4), type);
        BinaryPrimitives.WriteUInt64LittleEndian(image.AsSpan(at + 0x18), offset);
        BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(at + 0x28), link);
        BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(at + 0x2C), info);
    }

    private static ushort FlagsOfVernaux(byte[] image, int index) => BinaryPrimitives.ReadUInt16LittleEndian(image.AsSpan(128 + 16 + index * 16 + 4));

    [Fact]
    public void Only_the_named_requirement_becomes_weak_and_a_second_pass_changes_nothing()
    {
        byte[] image = SyntheticElf();
        Assert.Equal(WeakenOutcome.Patched, WeakenGlibcxxRequirement.Weaken(image, Version));
        Assert.Equal(0x2, FlagsOfVernaux(image, 1));
        Assert.Equal(0x0, FlagsOfVernaux(image, 0));

        byte[] once = (byte[])image.Clone();
        Assert.Equal(WeakenOutcome.AlreadyWeak, WeakenGlibcxxRequirement.Weaken(image, Version));
        Assert.Equal(once, image);
    }

    [Fact]
    public void An_image_that_does_not_need_the_version_is_left_alone()
    {
        byte[] image = SyntheticElf(secondVersion: "GLIBCXX_3.4.30");
        byte[] before = (byte[])image.Clone();
        Assert.Equal(WeakenOutcome.NotRequired, WeakenGlibcxxRequirement.Weaken(image, Version));
        Assert.Equal(before, image);
    }

    [Fact]
    public void A_truncated_or_foreign_file_is_refused()
    {
        Assert.Throws<InvalidDataException>(() => WeakenGlibcxxRequirement.Weaken(SyntheticElf()[..200], Version));
        Assert.Throws<InvalidDataException>(() => WeakenGlibcxxRequirement.Weaken(Encoding.ASCII.GetBytes(new string('x', 100)), Version));
    }

    [Fact]
    public void The_task_patches_only_when_the_system_lacks_the_version_and_keeps_the_timestamp()
    {
        string directory = Path.Combine(Path.GetTempPath(), "interpaudit-elf", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        string library = Path.Combine(directory, "libLibTorchSharp.so");
        File.WriteAllBytes(library, SyntheticElf());
        var copiedAt = new DateTime(2024, 5, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(library, copiedAt);
        string modernStdCxx = Path.Combine(directory, "modern-libstdc++.so.6");
        File.WriteAllBytes(modernStdCxx, Encoding.ASCII.GetBytes("GLIBCXX_3.4.31\0GLIBCXX_3.4.32\0"));
        string oldStdCxx = Path.Combine(directory, "old-libstdc++.so.6");
        File.WriteAllBytes(oldStdCxx, Encoding.ASCII.GetBytes("GLIBCXX_3.4.29\0GLIBCXX_3.4.30\0"));

        var modern = new WeakenGlibcxxRequirement { BuildEngine = new FakeBuildEngine(), Libraries = [new TaskItem(library)], SystemLibStdCxx = modernStdCxx };
        Assert.True(modern.Execute());
        Assert.Empty(modern.Patched);
        Assert.Equal(0, FlagsOfVernaux(File.ReadAllBytes(library), 1));

        var old = new WeakenGlibcxxRequirement { BuildEngine = new FakeBuildEngine(), Libraries = [new TaskItem(library)], SystemLibStdCxx = oldStdCxx };
        Assert.True(old.Execute());
        Assert.Single(old.Patched);
        Assert.Equal(0x2, FlagsOfVernaux(File.ReadAllBytes(library), 1));
        Assert.Equal(copiedAt, File.GetLastWriteTimeUtc(library));
        Assert.Single(Directory.GetFiles(directory, "libLibTorchSharp*"));
    }

    [Fact]
    public void The_build_output_copy_is_patched_and_the_NuGet_cache_copy_is_not()
    {
        // This repository builds and tests on Linux x64 (libtorch-cpu-linux-x64).
        string system = "/usr/lib/x86_64-linux-gnu/libstdc++.so.6";
        Assert.True(File.Exists(system), "expected a Debian/Ubuntu x64 libstdc++");
        bool systemHasIt = WeakenGlibcxxRequirement.ContainsVersionString(File.ReadAllBytes(system), Version);

        string output = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        string packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        string cache = Path.Combine(packages, "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");

        Assert.Equal(systemHasIt ? WeakenOutcome.Patched : WeakenOutcome.AlreadyWeak, WeakenGlibcxxRequirement.Weaken(File.ReadAllBytes(output), Version));
        Assert.Equal(WeakenOutcome.Patched, WeakenGlibcxxRequirement.Weaken(File.ReadAllBytes(cache), Version));
    }
}
