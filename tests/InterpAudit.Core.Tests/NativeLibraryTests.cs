using TorchSharp;
using static TorchSharp.torch;

namespace InterpAudit.Tests;

/// <summary>
/// Fails when libtorch cannot be loaded here — on Debian 12 that means the build's native
/// compatibility step (build/InterpAudit.NativeCompat.targets) did not run or did not work.
/// Both load paths are exercised: a module constructor (P/Invoke first) and torch's own loader.
/// </summary>
public sealed class NativeLibraryTests
{
    [Fact]
    public void Libtorch_loads_and_multiplies_matrices()
    {
        using var linear = nn.Linear(3, 2);
        using Tensor a = torch.tensor(new double[] { 1, 2, 3, 4 }, 2, 2);
        using Tensor product = a.matmul(a);
        Assert.Equal(new double[] { 7, 10, 15, 22 }, product.data<double>().ToArray());
    }

    [Fact]
    public void Autograd_runs_through_the_native_library()
    {
        using Tensor x = torch.tensor(new double[] { 3.0 }, requires_grad: true);
        using Tensor y = x.pow(3);
        Tensor gradient = torch.autograd.grad([y], [x])[0];
        Assert.Equal(27.0, gradient.item<double>(), 12);
    }
}
