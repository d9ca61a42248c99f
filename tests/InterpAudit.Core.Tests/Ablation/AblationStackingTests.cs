using InterpAudit.Ablation;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace InterpAudit.Tests.Ablation;

/// <summary>Stacking the ablation variants at the layer, and the fallback to repeated inputs where the model does not allow it.</summary>
public sealed class AblationStackingTests
{
    /// <summary>
    /// Not a Sequential: logits = head(relu(fc(x)) + x), a skip connection from the input around the
    /// ablated layer. fc = identity on 4 inputs, head = identity: class y's logit is 2·x_y for x ≥ 0.
    /// Zeroing unit y leaves x_y (half the logit): one-hot data stays correct, so only a competitor
    /// raised above half of the own logit would flip a prediction — none is.
    /// </summary>
    private sealed class Residual : nn.Module<Tensor, Tensor>
    {
        private readonly Linear _fc = nn.Linear(4, 4);
        private readonly ReLU _relu = nn.ReLU();
        private readonly Linear _head = nn.Linear(4, 4);

        public Residual() : base(nameof(Residual))
        {
            using (no_grad())
            {
                _fc.weight!.copy_(eye(4));
                _fc.bias!.zero_();
                _head.weight!.copy_(eye(4));
                _head.bias!.zero_();
            }
            register_module("fc", _fc);
            register_module("relu", _relu);
            register_module("head", _head);
        }

        public override Tensor forward(Tensor input) => _head.call(_relu.call(_fc.call(input)) + input);
    }

    [Fact]
    public void A_skip_connection_around_the_layer_falls_back_to_repeated_inputs_with_the_right_answer()
    {
        var model = new Residual();
        model.eval();
        var stream = AblationNetworks.Stream(model, AblationNetworks.SubNetworkData(4), classes: 4, batchSize: 6);
        ClusterAblationResult result = ClusterAblation.Measure(stream, "fc", [[0], [1], [2], [3]], AblationNetworks.ClassNames(4), new AblationOptions());

        Assert.False(result.StackedAtLayer);
        Assert.False(result.LogitUpdate); // the head's input is relu(fc(x)) + x, not relu(fc(x))
        Assert.Equal(Enumerable.Repeat(1.0, 4), result.CleanAccuracy);
        // The skip keeps x_y in the logit: no ablation of one unit flips a prediction.
        Assert.All(result.Zero.Delta.Concat(result.Mean.Delta), row => Assert.Equal([0.0, 0.0, 0.0, 0.0], row));
    }

    [Fact]
    public void A_sequential_model_is_stacked_at_the_layer_and_agrees_with_repeated_inputs()
    {
        ClusterAblationResult stacked = Measure(stackAtLayer: true);
        ClusterAblationResult repeated = Measure(stackAtLayer: false);

        Assert.True(stacked.StackedAtLayer);
        Assert.False(repeated.StackedAtLayer);
        for (int c = 0; c < 4; c++)
            Assert.Equal(Enumerable.Range(0, 4).Select(y => y == c ? -1.0 : 0.0), repeated.Zero.Delta[c]);
        foreach (var kind in new[] { AblationKind.Zero, AblationKind.Mean })
        {
            Assert.Equal(repeated.For(kind).Delta.SelectMany(r => r), stacked.For(kind).Delta.SelectMany(r => r));
            Assert.Equal(repeated.For(kind).RandomSpecialization.SelectMany(r => r), stacked.For(kind).RandomSpecialization.SelectMany(r => r));
        }
    }

    private static ClusterAblationResult Measure(bool stackAtLayer)
    {
        var stream = AblationNetworks.Stream(AblationNetworks.SubNetworks(1), AblationNetworks.SubNetworkData(4), classes: 4, batchSize: 7);
        return ClusterAblation.Measure(stream, "fc2", AblationNetworks.Blocks(), AblationNetworks.ClassNames(4),
            new AblationOptions(Seed: 4, StackAtLayer: stackAtLayer, LogitUpdate: false));
    }
}
