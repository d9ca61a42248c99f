using InterpAudit.Capture;
using TorchSharp;
using static TorchSharp.torch;

namespace InterpAudit.Lib;

/// <summary>
/// Running mean and covariance of one layer's units in float64 on the audit's device (spec step 1: the
/// centred Gram; the constant direction is kept separate, so only the covariance block is needed).
/// Sums are shifted by the first batch's mean so that a large mean does not cancel the variance.
/// Convolutional outputs contribute one sample per spatial position (spec "Cost").
/// </summary>
internal sealed class LayerMoments : IDisposable
{
    private Tensor? _shift, _sum, _outer;

    public long Samples { get; private set; }

    public int Width { get; private set; }

    public void Add(Tensor activation)
    {
        using var scope = NewDisposeScope();
        Tensor x = LibTensors.SamplesByUnits(activation).to_type(ScalarType.Float64);
        if (_shift is null)
        {
            Width = (int)x.shape[1];
            // The running sums outlive the batch's dispose scope; Dispose frees them.
            _shift = x.mean([0]).detach().clone().DetachFromDisposeScope();
            _sum = zeros(Width, dtype: ScalarType.Float64, device: x.device).DetachFromDisposeScope();
            _outer = zeros(Width, Width, dtype: ScalarType.Float64, device: x.device).DetachFromDisposeScope();
        }
        else if (x.shape[1] != Width)
            throw new InvalidOperationException($"A layer produced {x.shape[1]} units in one batch and {Width} in another.");
        Tensor centred = x - _shift;
        _sum!.add_(centred.sum([0]));
        _outer!.addmm_(centred.t(), centred);
        Samples += x.shape[0];
    }

    /// <summary>μ and Σ = (1/N) Σ (x − μ)(x − μ)ᵀ, float64, on the device.</summary>
    public (Tensor Mean, Tensor Covariance) Finish()
    {
        if (_shift is null) throw new InvalidOperationException("No activations were seen.");
        using Scalar samples = Samples.ToScalar(); // held across the calls (HeldScalars)
        Tensor offset = _sum!.div(samples);
        Tensor covariance = _outer!.div(samples) - offset.outer(offset);
        return (_shift + offset, (covariance + covariance.t()).div(HeldScalars.Two));
    }

    public void Dispose()
    {
        _shift?.Dispose();
        _sum?.Dispose();
        _outer?.Dispose();
    }
}
