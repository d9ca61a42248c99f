using TorchSharp;
using static TorchSharp.torch;

namespace InterpAudit.Bench;

/// <summary>The machine's plain matrix-multiply rate, the yardstick the measurements are judged against.</summary>
internal static class GemmRate
{
    public static (double GflopsPerSecond, Measurement.Timing Timing) Measure(ScalarType dtype, int size = 1024, int runs = 7)
    {
        using Tensor a = randn(size, size, dtype: dtype), b = randn(size, size, dtype: dtype);
        Measurement.Timing timing = Measurement.Time($"GEMM {size}×{size} {dtype}", runs, () =>
        {
            using Tensor c = a.matmul(b);
            return "";
        });
        double flops = 2.0 * size * size * size;
        return (flops / timing.MedianSeconds / 1e9, timing);
    }
}
