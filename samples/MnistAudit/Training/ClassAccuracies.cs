using InterpAudit;
using TorchSharp;
using static TorchSharp.torch;

namespace MnistAudit.Training;

/// <summary>Correct and total counts per class of one pass of a model over labelled batches.</summary>
public sealed class ClassAccuracies
{
    private readonly long[] _correct;
    private readonly long[] _total;

    private ClassAccuracies(long[] correct, long[] total)
    {
        _correct = correct;
        _total = total;
    }

    public int ClassCount => _total.Length;

    public long Correct(int label) => _correct[label];

    public long Total(int label) => _total[label];

    /// <summary>Accuracy of class <paramref name="label"/> (NaN when it has no samples).</summary>
    public double Of(int label) => _total[label] == 0 ? double.NaN : (double)_correct[label] / _total[label];

    public double Overall => (double)_correct.Sum() / _total.Sum();

    /// <summary>Runs <paramref name="model"/> (in eval mode, without gradients) over <paramref name="batches"/>, disposing each.</summary>
    public static ClassAccuracies Measure(nn.Module<Tensor, Tensor> model, IEnumerable<LabelledBatch> batches, int classCount)
    {
        var correct = new long[classCount];
        var total = new long[classCount];
        bool wasTraining = model.training;
        model.eval();
        try
        {
            foreach (LabelledBatch batch in batches)
            {
                using (batch)
                using (NewDisposeScope())
                using (no_grad())
                {
                    Tensor predicted = model.call(batch.Inputs).argmax(1);
                    Tensor hitLabels = batch.Labels.masked_select(predicted.eq(batch.Labels));
                    long[] right = bincount(hitLabels, minlength: classCount).data<long>().ToArray();
                    long[] seen = bincount(batch.Labels, minlength: classCount).data<long>().ToArray();
                    for (int c = 0; c < classCount; c++)
                    {
                        correct[c] += right[c];
                        total[c] += seen[c];
                    }
                }
            }
        }
        finally
        {
            model.train(wasTraining);
        }
        return new ClassAccuracies(correct, total);
    }

    public override string ToString() =>
        string.Join("  ", Enumerable.Range(0, ClassCount).Select(c => $"{c}: {Of(c):P1} ({_correct[c]}/{_total[c]})"));
}
