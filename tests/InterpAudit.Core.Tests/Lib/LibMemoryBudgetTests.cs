using InterpAudit.Lib;
using TorchSharp;
using static TorchSharp.torch;
using static InterpAudit.Tests.Lib.LibNetworks;

namespace InterpAudit.Tests.Lib;

/// <summary>
/// The gradient buffers adapt to memory (<see cref="LibMemoryBudget"/>), and how they are chunked must
/// not change a single figure: a budget so small that every output feature gets its own backward
/// chunk and M' is flushed every few rows gives the result of the default budget.
/// </summary>
public sealed class LibMemoryBudgetTests
{
    [Theory]
    [InlineData(24L << 30, LibMemoryBudget.Ceiling)] // this CI machine's 24 GiB: 1.5 GiB, capped at 1 GiB
    [InlineData(2L << 30, 128L << 20)]                // a 2 GiB container: a sixteenth
    [InlineData(64L << 20, LibMemoryBudget.Floor)]    // nearly out of memory: the floor
    [InlineData(0L, LibMemoryBudget.Floor)]
    public void Host_budget_is_a_sixteenth_of_available_memory_within_its_bounds(long available, long expected) =>
        Assert.Equal(expected, LibMemoryBudget.For(CPU, available));

    [Fact]
    public void Cuda_budget_is_fixed_because_free_device_memory_cannot_be_queried() =>
        Assert.Equal(LibMemoryBudget.Cuda, LibMemoryBudget.For(new Device(DeviceType.CUDA, 0), 0));

    [Fact]
    public void Available_host_memory_is_positive_and_below_the_gc_limit()
    {
        long available = LibMemoryBudget.AvailableHostBytes();
        Assert.InRange(available, 1, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);
    }

    [Fact]
    public void A_tiny_gradient_buffer_gives_the_figures_of_the_default_one()
    {
        var random = new Random(3);
        var model = nn.Sequential(
            ("fc1", Linear(Gaussian(random, 12, 10, 0.5), Vector(random, 12))), ("act1", nn.Tanh()),
            ("fc2", Linear(Gaussian(random, 9, 12, 0.5), Vector(random, 9))), ("act2", nn.Tanh()),
            ("fc3", Linear(Gaussian(random, 5, 9, 0.5), Vector(random, 5))));
        double[,] inputs = Gaussian(random, 700, 10);

        LibAnalysis roomy = Measure(model, inputs, ["act1", "act2"]);
        // 64 bytes: one output feature per backward chunk (one feature's gradients over a 256-row batch
        // take 24 KiB) and M' staged and multiplied one row at a time.
        LibAnalysis tight = Measure(model, inputs, ["act1", "act2"], new LibOptions { GradientBufferBytes = 64 });

        for (int layer = 0; layer < 2; layer++)
        {
            LibLayerResult a = roomy.Result.Layers[layer], b = tight.Result.Layers[layer];
            Assert.Equal(a.LibFeatures, b.LibFeatures);
            Assert.Equal(a.PcaFeatures, b.PcaFeatures);
            for (int i = 0; i < a.LibSpectrum.Count; i++)
                Assert.Equal(a.LibSpectrum[i], b.LibSpectrum[i], 1e-10 * a.LibSpectrum[0]);
            double[,] e = roomy.Edges[layer].Lib, f = tight.Edges[layer].Lib;
            double scale = e.Cast<double>().Max();
            for (int t = 0; t < e.GetLength(0); t++)
                for (int s = 0; s < e.GetLength(1); s++)
                    Assert.Equal(e[t, s], f[t, s], 1e-10 * scale);
        }
    }
}
