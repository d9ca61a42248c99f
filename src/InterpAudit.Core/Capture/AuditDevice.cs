using System.Text.RegularExpressions;
using InterpAudit.Diagnostics;
using TorchSharp;

namespace InterpAudit.Capture;

/// <summary>Turns the user's <c>--device</c> choice (auto | cpu | cuda | cuda:N) into a TorchSharp device.</summary>
internal static partial class AuditDevice
{
    public static torch.Device Resolve(string choice)
    {
        string normalized = choice.Trim().ToLowerInvariant();
        if (normalized is "" or "auto")
            return torch.cuda.is_available() ? torch.CUDA : torch.CPU;
        if (normalized == "cpu")
            return torch.CPU;
        Match cuda = CudaPattern().Match(normalized);
        if (!cuda.Success)
            throw new AuditInputException(DiagnosticCodes.InvalidArguments,
                $"Unknown device '{choice}': expected auto, cpu, cuda or cuda:N.");
        if (!torch.cuda.is_available())
            throw new AuditInputException(DiagnosticCodes.DeviceUnavailable,
                $"Device '{choice}' was requested but TorchSharp reports no CUDA device (the CPU libtorch package is referenced, or no driver). Use --device auto or cpu, or reference a CUDA libtorch package (README, 'GPU').");
        int index = cuda.Groups[1].Success ? int.Parse(cuda.Groups[1].Value) : 0;
        int count = torch.cuda.device_count();
        if (index >= count)
            throw new AuditInputException(DiagnosticCodes.DeviceUnavailable,
                $"Device '{choice}' was requested but only {count} CUDA device(s) exist (cuda:0..cuda:{count - 1}).");
        return new torch.Device(DeviceType.CUDA, index);
    }

    [GeneratedRegex(@"^cuda(?::(\d+))?$")]
    private static partial Regex CudaPattern();
}
