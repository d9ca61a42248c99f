namespace MnistAudit.Data;

/// <summary>
/// The binary cache the JSON digits are converted to once (by <see cref="MnistJsonConverter"/>), so that
/// training and the audit read 7.9 MB of bytes instead of parsing 22 MB of JSON every time.
/// </summary>
/// <remarks>
/// Layout, little-endian:
/// <code>
///   0  8 bytes  magic "MNISTU8" followed by the format version byte (1)
///   8  int32    number of training records
///  12  int32    number of evaluation records
///  16  int32    pixels per image (784 = 28 × 28, row-major)
///  20  records  training records, then evaluation records, each 1 label byte (0..9) + 784 pixel bytes
/// </code>
/// Quantisation: the package's JSON holds the original 8-bit MNIST pixels divided by 255 and rounded to
/// three decimals. <c>round(v × 255)</c> recovers the original byte exactly, because that rounding moves
/// a value by at most 0.0005 × 255 ≈ 0.13 &lt; 0.5 (measured on all 7.84 M values: at most 0.125). The
/// model sees <c>byte / 255</c>, which differs from the JSON value by at most 0.0005.
///
/// Split: the digits are taken in class order (all of 0.json, then 1.json, …, each file in its own
/// order) and every 5th one (global position mod 5 = 4) goes to evaluation: exactly 8,000 / 2,000, and
/// stratified, since each class gives ⌊n/5⌋ or ⌈n/5⌉ of its n digits to evaluation.
/// </remarks>
public static class MnistCacheFormat
{
    public const string FileName = "mnist-digits.u8.bin";

    public const int PixelsPerImage = 28 * 28;

    public const int ClassCount = 10;

    public const int HeaderSize = 20;

    public const int RecordSize = 1 + PixelsPerImage;

    /// <summary>One digit in this many goes to <see cref="MnistSplit.Evaluation"/>.</summary>
    public const int EvaluationStride = 5;

    public const byte Version = 1;

    public static ReadOnlySpan<byte> Magic => "MNISTU8"u8;

    /// <summary>The split of the digit at <paramref name="position"/> in class order (see remarks).</summary>
    public static MnistSplit SplitOf(int position) =>
        position % EvaluationStride == EvaluationStride - 1 ? MnistSplit.Evaluation : MnistSplit.Training;
}
