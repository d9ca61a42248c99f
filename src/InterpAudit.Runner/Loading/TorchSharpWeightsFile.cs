using System.Text;
using InterpAudit.Diagnostics;

namespace InterpAudit.Runner.Loading;

/// <summary>
/// Reads the headers of a file written by TorchSharp's <c>Module.save</c>: a LEB128 tensor count, then
/// per tensor a length-prefixed UTF-8 name, LEB128 scalar type, LEB128 rank, LEB128 dimensions and the
/// raw little-endian data. Reading the headers ourselves lets a mismatch name every offending tensor
/// and a truncated file be reported as such, where <c>Module.load</c> would throw a bare exception.
/// </summary>
internal static class TorchSharpWeightsFile
{
    private static readonly Dictionary<int, int> ElementSizes = new()
    {
        [0] = 1, [1] = 1, [2] = 2, [3] = 4, [4] = 8, [5] = 2, [6] = 4, [7] = 8,
        [9] = 8, [10] = 16, [11] = 1, [15] = 2,
    };

    public static IReadOnlyList<WeightsEntry> ReadEntries(string path)
    {
        using var stream = File.OpenRead(path);
        return ReadEntries(stream, path);
    }

    /// <summary>Reads the entries from <paramref name="stream"/> (left open), naming <paramref name="path"/> in errors.</summary>
    public static IReadOnlyList<WeightsEntry> ReadEntries(Stream stream, string path)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            long count = ReadLeb128(reader);
            if (count < 0 || count > 1_000_000)
                throw Corrupt(path, $"a tensor count of {count}");
            var entries = new List<WeightsEntry>((int)count);
            for (long i = 0; i < count; i++)
            {
                string name = reader.ReadString();
                int scalarType = (int)ReadLeb128(reader);
                long rank = ReadLeb128(reader);
                if (rank < 0 || rank > 16)
                    throw Corrupt(path, $"tensor '{name}' with rank {rank}");
                var shape = new long[rank];
                long elements = 1;
                for (int d = 0; d < rank; d++)
                {
                    shape[d] = ReadLeb128(reader);
                    if (shape[d] < 0) throw Corrupt(path, $"tensor '{name}' with a negative dimension");
                    elements = checked(elements * shape[d]);
                }
                if (!ElementSizes.TryGetValue(scalarType, out int size))
                    throw Corrupt(path, $"tensor '{name}' with unknown scalar type {scalarType}");
                long bytes = checked(elements * size);
                if (stream.Position + bytes > stream.Length)
                    throw Corrupt(path, $"tensor '{name}' {FormatShape(shape)} needing {bytes} bytes but only {stream.Length - stream.Position} left (the file is truncated)");
                stream.Seek(bytes, SeekOrigin.Current);
                entries.Add(new WeightsEntry(name, scalarType, shape));
            }
            if (stream.Position != stream.Length)
                throw Corrupt(path, $"{stream.Length - stream.Position} bytes after the last of {count} tensors");
            return entries;
        }
        catch (Exception e) when (e is EndOfStreamException or OverflowException or DecoderFallbackException or IOException and not FileNotFoundException)
        {
            throw Corrupt(path, "a file that ends inside a tensor header (the file is truncated)", e);
        }
    }

    private static AuditInputException Corrupt(string path, string found, Exception? inner = null) =>
        new(DiagnosticCodes.WeightsCorrupt,
            $"Weights file '{path}' is not a valid TorchSharp Module.save file: expected a complete tensor list, found {found}. Re-create it with Module.save.",
            path, inner);

    private static string FormatShape(long[] shape) => "[" + string.Join(", ", shape) + "]";

    private static long ReadLeb128(BinaryReader reader)
    {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            byte b = reader.ReadByte();
            result |= (long)(b & 0x7f) << shift;
            if ((b & 0x80) == 0) return result;
        }
        throw new OverflowException("LEB128 value longer than 64 bits.");
    }
}
