using InterpAudit.Diagnostics;

namespace InterpAudit.Information;

/// <summary>
/// Samples per class, and the rules the Gaussian estimates impose on them: every class present needs
/// more samples than the estimate has dimensions (spec step 5), and ideally ten times as many
/// (spec "What the audit reports": k &lt; min_y N_y / 10 when possible).
/// </summary>
internal sealed class ClassSizes
{
    private ClassSizes(int[] counts) => Counts = counts;

    public int[] Counts { get; }

    public int SampleCount => Counts.Sum();

    /// <summary>The size of the smallest class that has samples; classes without samples drop out of the estimate.</summary>
    public int MinPresent => Counts.Where(c => c > 0).DefaultIfEmpty(0).Min();

    public static ClassSizes Of(int[] labels, int classCount) =>
        new(GaussianMutualInformation.SamplesByClass(labels, classCount).Select(m => m.Count).ToArray());

    /// <summary>
    /// How many components (per layer, when <paramref name="layers"/> layers are estimated jointly) to
    /// keep: at most <paramref name="requested"/> and the units available, and fewer than a tenth of the
    /// smallest class in total when that leaves at least one.
    /// </summary>
    public int ComponentBudget(int requested, int available, int layers)
    {
        int k = Math.Min(requested, available);
        int cap = (MinPresent - 1) / (10 * layers); // the largest c with layers·c < MinPresent / 10
        return Math.Min(k, Math.Max(cap, 1));
    }

    /// <summary>Whether <paramref name="dimensions"/> in total meet the ten-samples-per-dimension rule.</summary>
    public bool MeetsTenfoldRule(int dimensions) => 10 * dimensions < MinPresent;

    /// <summary>IA3019 unless every class with samples has more than <paramref name="dimensions"/>.</summary>
    public void RequireMoreThan(int dimensions, string subject, IReadOnlyList<string> classNames)
    {
        for (int c = 0; c < Counts.Length; c++)
        {
            if (Counts[c] == 0 || Counts[c] > dimensions) continue;
            throw new AuditInputException(DiagnosticCodes.ClassTooSmall,
                $"{subject}: class \"{classNames[c]}\" has {Counts[c]} evaluation sample(s), but the Gaussian information estimate of {dimensions} dimension(s) needs more than {dimensions} in every class (about {10 * dimensions} for an accurate estimate). Add evaluation samples of class \"{classNames[c]}\" or lower Components.");
        }
    }
}
