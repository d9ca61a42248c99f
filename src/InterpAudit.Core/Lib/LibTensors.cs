using static TorchSharp.torch;

namespace InterpAudit.Lib;

/// <summary>Reshapes between a layer's output and the samples × units matrix the LIB maths works on.</summary>
internal static class LibTensors
{
    /// <summary>
    /// [samples, units]: a [B, d] output as is; a channels-first [B, C, ...] output with every spatial
    /// position as a sample (spec "Cost": positions are extra samples in the Gram and Jacobian sums).
    /// </summary>
    public static Tensor SamplesByUnits(Tensor activation) =>
        activation.dim() switch
        {
            2 => activation,
            > 2 => activation.movedim([1], [-1]).reshape(-1, activation.shape[1]),
            _ => activation.reshape(-1, 1),
        };

    /// <summary>The inverse of <see cref="SamplesByUnits"/> for a tensor shaped like <paramref name="like"/>.</summary>
    public static Tensor Restore(Tensor samplesByUnits, Tensor like)
    {
        if (like.dim() == 2) return samplesByUnits;
        if (like.dim() < 2) return samplesByUnits.reshape(like.shape);
        long[] channelsLast = [like.shape[0], .. like.shape.Skip(2), like.shape[1]];
        return samplesByUnits.reshape(channelsLast).movedim([-1], [1]);
    }

    /// <summary>Per input sample, the units summed over positions: [B, units].</summary>
    public static Tensor PerInputSample(Tensor activation) =>
        activation.dim() switch
        {
            2 => activation,
            > 2 => activation.flatten(2).sum([2]),
            _ => activation.reshape(-1, 1),
        };

    /// <summary>Spatial positions per input sample (1 for a dense layer).</summary>
    public static long Positions(Tensor activation) =>
        activation.dim() > 2 ? activation.shape.Skip(2).Aggregate(1L, (a, b) => a * b) : 1;
}
