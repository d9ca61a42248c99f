using TorchSharp;
using static TorchSharp.torch;

namespace InterpAudit.Lib;

/// <summary>
/// How many bytes LIB's float64 gradient buffers may take (spec lib.md "Cost": split the output features
/// across batches of backward passes). The buffers are the measurement's only allocation that grows with
/// the layer width, the batch and, for convolutions, the positions, so they are what must fit: a sixteenth
/// of the memory the process may still use on the host, between 16 MiB (below that, the products get too
/// thin to run near the GEMM rate) and 1 GiB (above that, larger blocks no longer speed anything up).
/// TorchSharp 0.107 cannot query a CUDA device's free memory, so on CUDA the budget is a fixed 256 MiB,
/// which every current NVIDIA data-centre GPU holds many times over.
/// </summary>
internal static class LibMemoryBudget
{
    public const long Floor = 16L << 20;
    public const long Ceiling = 1L << 30;
    public const long Cuda = 256L << 20;

    /// <summary>The budget for <paramref name="device"/> given <paramref name="availableHostBytes"/>.</summary>
    public static long For(Device device, long availableHostBytes) =>
        device.type == DeviceType.CUDA ? Cuda : Math.Clamp(availableHostBytes / 16, Floor, Ceiling);

    /// <summary>The budget for <paramref name="device"/> on this machine, now.</summary>
    public static long For(Device device) => For(device, AvailableHostBytes());

    /// <summary>
    /// The memory the GC reports as available to the process (the container limit where there is one,
    /// otherwise physical memory) less what the process already holds.
    /// </summary>
    public static long AvailableHostBytes()
    {
        long total = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        return Math.Max(0, total - Environment.WorkingSet);
    }
}
