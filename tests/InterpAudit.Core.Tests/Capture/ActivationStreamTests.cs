using InterpAudit.Capture;
using InterpAudit.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;

namespace InterpAudit.Tests.Capture;

public sealed class ActivationStreamTests
{
    private static readonly float[,] Inputs = { { 2, 1 }, { 0, 3 }, { 5, 4 }, { 1, 1.5f }, { -1, -2 } };
    private static readonly long[] Labels = [1, 0, 1, 0, 1];

    private static ActivationStream Stream(nn.Module<Tensor, Tensor> model, Func<int, IEnumerable<LabelledBatch>> batches) =>
        new(model, batches, CPU, batchSize: 2, classCount: 2);

    [Fact]
    public void Hooks_capture_each_layer_output_as_the_forward_pass_computes_it()
    {
        torch.manual_seed(0);
        var model = nn.Sequential(("fc1", nn.Linear(2, 3)), ("relu1", nn.ReLU()), ("fc2", nn.Linear(3, 2)));
        var captured = new List<float>();
        var expected = new List<float>();
        Stream(model, b => TinyModels.Batches(Inputs, Labels, b)).ForEach(["relu1"], batch =>
        {
            captured.AddRange(batch.Activations["relu1"].data<float>());
            // Independent recomputation: relu(x W1ᵀ + b1) by hand from the parameters.
            var sd = model.state_dict();
            using Tensor manual = batch.Inputs.matmul(sd["fc1.weight"].t()).add(sd["fc1.bias"]).relu();
            expected.AddRange(manual.data<float>());
        });
        Assert.Equal(15, captured.Count);
        Assert.Equal(expected, captured);
    }

    [Fact]
    public void Dataset_identity_counts_samples_per_class_and_is_stable_across_passes()
    {
        var stream = Stream(TinyModels.Comparator(), b => TinyModels.Batches(Inputs, Labels, b));
        DatasetIdentity first = stream.ForEach([], _ => { });
        DatasetIdentity second = stream.ForEachBatch((_, _) => { });
        Assert.Equal(5, first.SampleCount);
        Assert.Equal([2L, 3L], first.ClassCounts);
        Assert.Equal(first.Sha256, second.Sha256);
        Assert.Equal(64, first.Sha256.Length);
    }

    [Fact]
    public void Data_that_changes_between_passes_is_IA3011()
    {
        int pass = 0;
        var stream = Stream(TinyModels.Comparator(), b =>
        {
            pass++;
            var labels = pass == 1 ? Labels : [0, 0, 1, 0, 1];
            return TinyModels.Batches(Inputs, labels, b);
        });
        stream.ForEach([], _ => { });
        var e = Assert.Throws<AuditInputException>(() => stream.ForEach([], _ => { }));
        Assert.Equal("IA3011", e.Code);
    }

    [Fact]
    public void NaN_inputs_are_IA3007_naming_the_batch_and_sample()
    {
        float[,] withNaN = (float[,])Inputs.Clone();
        withNaN[3, 0] = float.NaN;
        var stream = Stream(TinyModels.Comparator(), b => TinyModels.Batches(withNaN, Labels, b));
        var e = Assert.Throws<AuditInputException>(() => stream.ForEach([], _ => { }));
        Assert.Equal("IA3007", e.Code);
        Assert.Contains("batch 1", e.Message);
        Assert.Contains("sample 1", e.Message);
    }

    [Fact]
    public void Infinite_activations_from_finite_inputs_are_IA3008()
    {
        var model = TinyModels.Comparator();
        using (no_grad())
            ((TorchSharp.Modules.Linear)model.named_modules().First().module).weight!.fill_(float.MaxValue);
        var stream = Stream(model, b => TinyModels.Batches(Inputs, Labels, b));
        var e = Assert.Throws<AuditInputException>(() => stream.ForEach([], _ => { }));
        Assert.Equal("IA3008", e.Code);
    }

    [Fact]
    public void Labels_outside_the_class_range_are_IA3009()
    {
        var stream = Stream(TinyModels.Comparator(), b => TinyModels.Batches(Inputs, [1, 0, 2, 0, 1], b));
        var e = Assert.Throws<AuditInputException>(() => stream.ForEach([], _ => { }));
        Assert.Equal("IA3009", e.Code);
        Assert.Contains("0..1", e.Message);
    }

    [Fact]
    public void An_empty_evaluation_set_is_IA3010()
    {
        var stream = Stream(TinyModels.Comparator(), _ => []);
        Assert.Equal("IA3010", Assert.Throws<AuditInputException>(() => stream.ForEach([], _ => { })).Code);
    }

    [Fact]
    public void An_unknown_layer_is_IA3006_listing_the_layers_that_exist()
    {
        var model = nn.Sequential(("fc1", nn.Linear(2, 3)), ("relu1", nn.ReLU()));
        var stream = Stream(model, b => TinyModels.Batches(Inputs, Labels, b));
        var e = Assert.Throws<AuditInputException>(() => stream.ForEach(["fc9"], _ => { }));
        Assert.Equal("IA3006", e.Code);
        Assert.Contains("'fc1', 'relu1'", e.Message);
    }

    [Fact]
    public void An_exception_in_the_users_batches_is_IA3014()
    {
        IEnumerable<LabelledBatch> Failing(int b)
        {
            foreach (var batch in TinyModels.Batches(Inputs, Labels, b)) { yield return batch; break; }
            throw new FileNotFoundException("digits.bin");
        }
        var stream = Stream(TinyModels.Comparator(), Failing);
        var e = Assert.Throws<AuditInputException>(() => stream.ForEach([], _ => { }));
        Assert.Equal("IA3014", e.Code);
        Assert.Contains("batch 1", e.Message);
        Assert.Contains("digits.bin", e.Message);
    }

    [Theory]
    [InlineData("cpu")]
    [InlineData("auto")]
    public void Device_choices_resolve_to_a_usable_device(string choice)
    {
        Device device = AuditDevice.Resolve(choice);
        Assert.Equal(torch.cuda.is_available() && choice == "auto" ? DeviceType.CUDA : DeviceType.CPU, device.type);
    }

    [Fact]
    public void Asking_for_cuda_without_it_is_IA3017_and_a_bad_name_IA3018()
    {
        if (!torch.cuda.is_available())
            Assert.Equal("IA3017", Assert.Throws<AuditInputException>(() => AuditDevice.Resolve("cuda:0")).Code);
        Assert.Equal("IA3018", Assert.Throws<AuditInputException>(() => AuditDevice.Resolve("tpu")).Code);
    }
}
