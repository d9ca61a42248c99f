namespace InterpAudit.Ablation;

/// <summary>
/// How much of a unit set's ablation effect falls on one class (spec modularity.md §5):
/// S = max_y |Δ_y| / Σ_y |Δ_y|, in [1/classes, 1]; 1 when only one class's accuracy moves.
/// </summary>
public static class Specialization
{
    /// <summary>
    /// S over the classes with evaluation samples (a NaN Δ is a class without any). When no accuracy
    /// moves (0/0), the ablation showed no preference for any class: S = 1/classes, the value of an
    /// effect spread evenly, so such a set never ranks as specialised. NaN only when no class has samples.
    /// </summary>
    public static double Of(IEnumerable<double> deltas)
    {
        double[] sizes = deltas.Where(d => !double.IsNaN(d)).Select(Math.Abs).ToArray();
        if (sizes.Length == 0) return double.NaN;
        double total = sizes.Sum();
        return total == 0 ? 1.0 / sizes.Length : sizes.Max() / total;
    }

    /// <summary>
    /// p = (r + 1)/(n + 1) (Hod et al. 2022, §3), r = how many of the n random sets are at least as
    /// specialised as the observed set (S_random ≥ S_observed, ties counted against it). Small is
    /// unusual: a set more specialised than every random set gets 1/(n + 1), a typical one about ½.
    /// </summary>
    public static double Percentile(double observed, IReadOnlyCollection<double> random)
    {
        if (double.IsNaN(observed) || random.Count == 0) return double.NaN;
        return (random.Count(s => s >= observed) + 1.0) / (random.Count + 1);
    }
}
