using InterpAudit.Capture;
using static TorchSharp.torch;

namespace InterpAudit.Accuracy;

/// <summary>
/// Per-class accuracy: the arg-max of the logits against the label. Counts are accumulated on the
/// device; per batch, two class-length vectors and the batch's labels and hits (one byte per sample,
/// for the baseline's paired comparison) come back to the CPU.
/// </summary>
internal static class ClassAccuracy
{
    public static ClassAccuracyResult Measure(ActivationStream stream, IReadOnlyList<string> classNames)
    {
        int k = classNames.Count;
        var correct = new long[k];
        var total = new long[k];
        var labels = new List<int>();
        var hits = new List<bool>();
        stream.ForEach([], batch =>
        {
            Tensor predicted = batch.Logits.argmax(1);
            Tensor isHit = predicted.eq(batch.Labels);
            Tensor hitLabels = batch.Labels[isHit];
            long[] batchTotal = bincount(batch.Labels, minlength: k).cpu().data<long>().ToArray();
            long[] batchCorrect = bincount(hitLabels, minlength: k).cpu().data<long>().ToArray();
            for (int c = 0; c < k; c++)
            {
                total[c] += batchTotal[c];
                correct[c] += batchCorrect[c];
            }
            labels.AddRange(batch.Labels.cpu().data<long>().ToArray().Select(l => (int)l));
            hits.AddRange(isHit.cpu().data<bool>().ToArray());
        });
        return new ClassAccuracyResult(classNames, correct, total) { SampleLabels = labels, SampleHits = hits };
    }
}
