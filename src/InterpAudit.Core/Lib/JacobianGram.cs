using System.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;

namespace InterpAudit.Lib;

/// <summary>
/// M' = Σ g gᵀ (spec step 3) as one matrix product per block of stacked per-sample gradients: rows are
/// staged across batches and multiplied in blocks of up to <c>capacity</c> rows, because a batch's own
/// block (features × batch rows, e.g. 10 × 256 for the sample's last layer) is too thin for the GEMM to
/// run near its rate. Also times the products, so the audit can report the accumulation's GFLOP/s.
/// </summary>
internal sealed class JacobianGram : IDisposable
{
    private readonly Tensor _gram, _staging;
    private readonly long _capacity;
    private readonly bool _cuda;
    private long _filled;

    public JacobianGram(int units, ScalarType dtype, Device device, long capacityBytes)
    {
        _capacity = Math.Max(1, capacityBytes / (units * (long)sizeof(double)));
        _gram = zeros(units, units, dtype: dtype, device: device);
        _staging = empty(_capacity, units, dtype: dtype, device: device);
        _cuda = device.type == DeviceType.CUDA;
    }

    public double Flop { get; private set; }

    public double Seconds { get; private set; }

    /// <summary>Adds rows [n, units] (any float dtype; converted to the accumulator's).</summary>
    public void Add(Tensor rows)
    {
        for (long first = 0; first < rows.shape[0];)
        {
            if (_filled == _capacity) Flush();
            long take = Math.Min(_capacity - _filled, rows.shape[0] - first);
            _staging.narrow(0, _filled, take).copy_(rows.narrow(0, first, take));
            _filled += take;
            first += take;
        }
    }

    /// <summary>(1/<paramref name="samples"/>) Σ g gᵀ in float64.</summary>
    public Tensor Finish(long samples)
    {
        Flush();
        using Scalar count = samples.ToScalar(); // held across the call (HeldScalars)
        return _gram.to_type(ScalarType.Float64).div(count);
    }

    private void Flush()
    {
        if (_filled == 0) return;
        using Tensor block = _staging.narrow(0, 0, _filled);
        if (_cuda) cuda.synchronize();
        long start = Stopwatch.GetTimestamp();
        _gram.addmm_(block.t(), block);
        if (_cuda) cuda.synchronize();
        Seconds += Stopwatch.GetElapsedTime(start).TotalSeconds;
        Flop += 2.0 * _filled * _gram.shape[0] * _gram.shape[0];
        _filled = 0;
    }

    public void Dispose()
    {
        _gram.Dispose();
        _staging.Dispose();
    }
}
