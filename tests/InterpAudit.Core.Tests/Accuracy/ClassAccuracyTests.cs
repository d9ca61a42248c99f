using InterpAudit.Accuracy;
using InterpAudit.Capture;
using static TorchSharp.torch;

namespace InterpAudit.Tests.Accuracy;

public sealed class ClassAccuracyTests
{
    // The comparator predicts class 1 exactly when x0 > x1: predictions [1, 0, 1, 0, 1].
    private static readonly float[,] Inputs = { { 2, 1 }, { 0, 3 }, { 5, 4 }, { 1, 1.5f }, { -1, -2 } };

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    public void Counts_match_a_hand_count_whatever_the_batch_size(int batchSize)
    {
        long[] labels = [1, 1, 1, 0, 0];
        var stream = new ActivationStream(TinyModels.Comparator(), b => TinyModels.Batches(Inputs, labels, b), CPU, batchSize, 2);
        ClassAccuracyResult result = ClassAccuracy.Measure(stream, ["left", "right"]);
        // Class 0 (samples 3, 4): predicted 0, 1 → 1 of 2. Class 1 (samples 0, 1, 2): 1, 0, 1 → 2 of 3.
        Assert.Equal([1L, 2L], result.Correct);
        Assert.Equal([2L, 3L], result.Total);
        Assert.Equal(0.5, result.Accuracy[0]);
        Assert.Equal(2.0 / 3, result.Accuracy[1], 15);
        Assert.Equal(0.6, result.Overall, 15);
    }

    /// <summary>The audit refuses such data first (IA3028); the measurement itself still never reports 0/0 as 0.</summary>
    [Fact]
    public void A_class_without_samples_has_NaN_accuracy_not_zero()
    {
        long[] labels = [1, 1, 1, 1, 1];
        var stream = new ActivationStream(TinyModels.Comparator(), b => TinyModels.Batches(Inputs, labels, b), CPU, 2, 2);
        ClassAccuracyResult result = ClassAccuracy.Measure(stream, ["a", "b"]);
        Assert.True(double.IsNaN(result.Accuracy[0]));
        Assert.Equal(0.6, result.Accuracy[1], 15);
    }

    /// <summary>Two logits for three class names: IA3027 rather than an argmax that never predicts class 2.</summary>
    [Fact]
    public void Logits_of_another_width_than_the_class_names_are_IA3027()
    {
        long[] labels = [1, 1, 2, 0, 0];
        var stream = new ActivationStream(TinyModels.Comparator(), b => TinyModels.Batches(Inputs, labels, b), CPU, 2, 3);
        var error = Assert.Throws<InterpAudit.Diagnostics.AuditInputException>(() => ClassAccuracy.Measure(stream, ["a", "b", "c"]));
        Assert.Equal("IA3027", error.Code);
        Assert.Contains("has shape [2, 2]: expected [2, 3], one logit per class name (3 ClassNames), found 2 logits.", error.Message);
    }
}
