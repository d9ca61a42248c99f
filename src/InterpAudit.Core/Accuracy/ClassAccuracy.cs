using InterpAudit.Capture;
using static TorchSharp.torch;

namespace InterpAudit.Accuracy;

/// <summary>
/// Per-class accuracy: the arg-max of the logits against the label. Counts are accumulated on the
/// device; only two class-length vectors per batch come back to the CPU.
/// </summary>
public static class ClassAccuracy
{
    public static ClassAccuracyResult Measure(ActivationStream stream, IReadOnlyList<string> classNames)
    {
        int k = classNames.Count;
        var correct = new long[k];
        var total = new long[k];
        stream.ForEach([], batch =>
        {
            Tensor predicted = batch.Logits.argmax(1);
            Tensor hits = batch.Labels[predicted.eq(batch.Labels)];
            long[] batchTotal = bincount(batch.Labels, minlength: k).cpu().data<long>().ToArray();
            long[] batchCorrect = bincount(hits, minlength: k).cpu().data<long>().ToArray();
            for (int c = 0; c < k; c++)
            {
                total[c] += batchTotal[c];
                correct[c] += batchCorrect[c];
            }
        });
        return new ClassAccuracyResult(classNames, correct, total);
    }
}
