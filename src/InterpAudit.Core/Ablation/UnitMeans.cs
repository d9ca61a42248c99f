using InterpAudit.Capture;
using TorchSharp;
using static TorchSharp.torch;

namespace InterpAudit.Ablation;

/// <summary>
/// The first pass of mean ablation: each output unit's mean over the evaluation set, kept per position
/// for a convolution (a channel's mean map) or a token axis. Float64 running sums on the device, one
/// batch at a time, so the data set is never held and the mean does not depend on the batch size
/// beyond float64 rounding.
/// </summary>
internal static class UnitMeans
{
    /// <returns>Means laid out <c>[positions, units]</c> (positions = 1 for a plain Linear), float64.</returns>
    public static Tensor Measure(ActivationStream stream, string layer, LayerUnits units)
    {
        Tensor? sum = null;
        long samples = 0;
        stream.ForEach([layer], batch =>
        {
            Tensor output = batch.Activations[layer];
            Tensor rows = UnitsLast(output, units).to_type(ScalarType.Float64).sum(dim: 0);
            if (sum is null) sum = rows.DetachFromDisposeScope();
            else sum.add_(rows);
            samples += output.shape[0];
        });
        using Tensor total = sum!;
        using Scalar count = ((double)samples).ToScalar(); // held across the call (HeldScalars)
        return total.div(count);
    }

    /// <summary><c>[batch, positions, units]</c>: the unit axis moved last, everything else but the batch flattened.</summary>
    public static Tensor UnitsLast(Tensor output, LayerUnits units)
    {
        Tensor moved = units.Axis == -1 ? output : output.movedim([units.Axis], [-1]);
        if (moved.shape[^1] != units.Count)
            throw new InvalidOperationException($"expected {units.Count} units along dimension {units.Axis} of the layer's output, found shape [{string.Join(", ", output.shape)}]");
        return moved.reshape(output.shape[0], -1, units.Count);
    }
}
