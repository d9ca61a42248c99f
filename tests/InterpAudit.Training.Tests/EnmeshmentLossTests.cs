using InterpAudit.Modularity;
using InterpAudit.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace InterpAudit.Training.Tests;

public sealed class EnmeshmentLossTests
{
    private static Linear Layer(nn.Module model, string name) => (Linear)model.named_modules().Single(m => m.name == name).module;

    [Fact]
    public void The_loss_is_lambda_times_one_minus_the_clusterability_the_audit_measures()
    {
        torch.manual_seed(1);
        var model = nn.Sequential(("fc1", nn.Linear(12, 8)), ("relu", nn.ReLU()), ("fc2", nn.Linear(8, 6)));
        using var loss = EnmeshmentLoss.ContiguousBlocks(model, lambda: 3, clusters: 2, "fc1", "fc2");

        double c1 = Clusterability.Of(WeightGraph.FromWeight(Layer(model, "fc1").weight!), Coclustering.Contiguous(8, 12, 2));
        double c2 = Clusterability.Of(WeightGraph.FromWeight(Layer(model, "fc2").weight!), Coclustering.Contiguous(6, 8, 2));
        Assert.Equal((c1 + c2) / 2, loss.MeanClusterability().item<float>(), 5);
        Assert.Equal(3 * (1 - (c1 + c2) / 2), loss.Compute().item<float>(), 5);
        Assert.Equal([0, 0, 0, 0, 1, 1, 1, 1], loss.Partitions["fc1"].OutputLabels);
    }

    /// <summary>Autograd's gradient of λ(1 − C) against a central finite difference, in float64, for a Linear and a Conv2d.</summary>
    [Fact]
    public void The_gradient_matches_a_central_finite_difference()
    {
        torch.manual_seed(2);
        var model = nn.Sequential(("conv", nn.Conv2d(3, 4, 2)), ("flatten", nn.Flatten()), ("fc", nn.Linear(5, 6)));
        model.to(ScalarType.Float64);
        var partitions = new Dictionary<string, Coclustering>
        {
            ["conv"] = new(2, [0, 1, 1, 0], [1, 0, 1]),
            ["fc"] = new(3, [0, 1, 2, 0, 1, Coclustering.Dead], [2, 1, 0, 2, 1]),
        };
        using var enmeshment = new EnmeshmentLoss(model, lambda: 1.7, partitions);

        Parameter[] weights = model.named_parameters().Where(p => p.name.EndsWith("weight")).Select(p => p.parameter).ToArray();
        Tensor loss = enmeshment.Compute();
        IList<Tensor> gradients = torch.autograd.grad([loss], weights);

        const double h = 1e-6;
        for (int p = 0; p < weights.Length; p++)
        {
            double[] analytic = gradients[p].contiguous().data<double>().ToArray();
            for (int i = 0; i < analytic.Length; i++)
            {
                double LossWith(double delta)
                {
                    using var _ = no_grad();
                    using Tensor flat = weights[p].view(-1);
                    double original = flat[i].item<double>();
                    flat[i] = original + delta;
                    double value = enmeshment.Compute().item<double>();
                    flat[i] = original;
                    return value;
                }
                double numeric = (LossWith(h) - LossWith(-h)) / (2 * h);
                Assert.True(Math.Abs(numeric - analytic[i]) <= 1e-7 + 1e-5 * Math.Abs(numeric),
                    $"weight {p}[{i}]: autograd {analytic[i]}, finite difference {numeric}");
            }
        }
    }

    /// <summary>
    /// A small seeded task: 16 inputs, 4 classes (the arg-max of four input sums), an MLP 16-32-32-4.
    /// With the loss on fc2 the co-clustering the audit runs finds far more modular weights than
    /// without it, and the task is still learnt.
    /// </summary>
    [Fact]
    public void Training_with_the_loss_raises_the_clusterability_the_audit_finds()
    {
        (double withLoss, double accuracyWith) = Train(lambda: 5);
        (double withoutLoss, double accuracyWithout) = Train(lambda: 0);

        Assert.True(withLoss >= 0.9, $"C with the loss {withLoss}");
        Assert.True(withLoss > withoutLoss + 0.3, $"C with the loss {withLoss}, without {withoutLoss}");
        Assert.True(accuracyWith >= 0.9 && accuracyWithout >= 0.9, $"training accuracy {accuracyWith} with, {accuracyWithout} without");
    }

    private static (double Clusterability, double Accuracy) Train(double lambda)
    {
        // One thread, as the sample trains: layers this small gain nothing from more, and on a busy
        // machine OpenMP's spinning workers make each step many times slower.
        torch.set_num_threads(1);
        torch.manual_seed(3);
        var model = nn.Sequential(("fc1", nn.Linear(16, 32)), ("relu1", nn.ReLU()), ("fc2", nn.Linear(32, 32)), ("relu2", nn.ReLU()), ("fc3", nn.Linear(32, 4)));
        Tensor x = torch.randn(512, 16);
        Tensor y = x.reshape(512, 4, 4).sum(2).argmax(1);
        using var enmeshment = EnmeshmentLoss.ContiguousBlocks(model, lambda, clusters: 4, "fc2");
        using var optimizer = optim.Adam(model.parameters(), lr: 1e-2);
        for (int step = 0; step < 200; step++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            Tensor loss = nn.functional.cross_entropy(model.call(x), y) + enmeshment.Compute();
            loss.backward();
            optimizer.step();
        }
        double accuracy;
        using (no_grad())
            accuracy = model.call(x).argmax(1).eq(y).to(ScalarType.Float32).mean().item<float>();
        WeightGraph fc2 = WeightGraph.FromWeight(Layer(model, "fc2").weight!);
        return (Clusterability.Of(fc2, SpectralCoclustering.Fit(fc2, new CoclusteringOptions(4, 10, 0))), accuracy);
    }

    [Fact]
    public void A_frozen_coclustering_is_the_pretrained_layers_BSGC_partition_and_does_not_move()
    {
        torch.manual_seed(4);
        var model = nn.Sequential(("fc", nn.Linear(20, 12)));
        var options = new CoclusteringOptions(3, 10, 0);
        Coclustering expected = SpectralCoclustering.Fit(WeightGraph.FromWeight(Layer(model, "fc").weight!), options);

        using var enmeshment = EnmeshmentLoss.FrozenCoclustering(model, lambda: 1, options, "fc");
        using (no_grad())
            Layer(model, "fc").weight!.normal_();

        Assert.Equal(expected.OutputLabels, enmeshment.Partitions["fc"].OutputLabels);
        Assert.Equal(expected.InputLabels, enmeshment.Partitions["fc"].InputLabels);
        double c = Clusterability.Of(WeightGraph.FromWeight(Layer(model, "fc").weight!), expected);
        Assert.Equal(c, enmeshment.MeanClusterability().item<float>(), 5);
    }

    [Fact]
    public void Unknown_and_weightless_layers_and_impossible_cluster_counts_are_refused()
    {
        var model = nn.Sequential(("fc", nn.Linear(4, 3)), ("relu", nn.ReLU()));
        Assert.Contains("'fc'", Assert.Throws<ArgumentException>(() => EnmeshmentLoss.ContiguousBlocks(model, 1, 2, "fc9")).Message);
        Assert.Contains("no weight matrix", Assert.Throws<ArgumentException>(() => EnmeshmentLoss.ContiguousBlocks(model, 1, 2, "relu")).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => EnmeshmentLoss.ContiguousBlocks(model, 1, 4, "fc"));
        Assert.Throws<ArgumentOutOfRangeException>(() => EnmeshmentLoss.ContiguousBlocks(model, -1, 2, "fc"));
    }
}
