using InterpAudit.Capture;
using InterpAudit.Information;
using static TorchSharp.torch;

namespace InterpAudit.Ablation;

/// <summary>
/// Per-class cluster ablation (spec modularity.md §5; specialisation ranks after Hod et al. 2022,
/// arXiv 2110.08058). For each cluster c of the layer's output units and each class y,
/// Δ_{c,y} = acc_y(cluster c ablated) − acc_y(clean), for zero ablation (the units' outputs set to 0)
/// and mean ablation (set to their evaluation-set means). Per cluster S_c = max_y |Δ_{c,y}| / Σ_y |Δ_{c,y}|,
/// ranked against random unit sets of the same size.
/// <para>
/// Two streamed passes whatever the number of clusters and random sets: one for the unit means, one
/// that runs the clean model and every ablated variant (1 + 2·k·(1 + n) of them) on each batch, stacked
/// into as few forward passes as <see cref="AblationOptions.MaxRowsPerForward"/> allows; where the
/// model allows it (checked per batch, see <see cref="AblatedAccuracy"/>) the layers before the ablated
/// one run once per batch rather than once per variant. Where the layer reaches the logits through
/// exact element-wise activations and one Linear layer (checked per batch, see <see cref="LinearReadout"/>),
/// no variant runs through the model at all: its logits are the clean ones plus the ablated units' share
/// (<see cref="LogitUpdateAccuracy"/>), with the same predictions. Counts are integers, so a Δ of 0 is exactly 0.
/// </para>
/// </summary>
internal static class ClusterAblation
{
    public static ClusterAblationResult Measure(ActivationStream stream, string layer, IReadOnlyList<IReadOnlyList<int>> clusters,
        IReadOnlyList<string> classNames, AblationOptions options, string clusterSource = "")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.RandomSets, 1);
        var units = LayerUnits.Of(stream.Layers.Resolve(layer, stream.Model.GetType().Name));
        foreach (int unit in clusters.SelectMany(c => c))
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(unit, units.Count, nameof(clusters));

        using Tensor means = UnitMeans.Measure(stream, layer, units);
        double[] unitMeans = means.mean([0]).cpu().data<double>().ToArray();

        int[][][] randomSets = clusters.Select((cluster, c) =>
            RandomUnitSets.Draw(units.Count, cluster.Count, options.RandomSets, SeedDerivation.Derive(options.Seed, "ablation-random-sets", c))).ToArray();
        var variants = new List<AblationVariant> { AblationVariant.Clean };
        foreach (AblationKind kind in Kinds)
        {
            variants.AddRange(clusters.Select(cluster => new AblationVariant(cluster, kind)));
            variants.AddRange(randomSets.SelectMany(sets => sets.Select(set => new AblationVariant(set, kind))));
        }

        LogitUpdateAccuracy? updated = options.LogitUpdate ? LogitUpdateAccuracy.Count(stream, layer, units, means, variants, classNames.Count) : null;
        (long[][] correct, bool expandedAtLayer) = updated is not null
            ? (updated.Correct, true)
            : AblatedAccuracy.Count(stream, layer, units, means, variants, classNames.Count, options.MaxRowsPerForward, options.StackAtLayer);
        IReadOnlyList<long> totals = stream.Dataset!.ClassCounts;
        long[] clean = correct[0];

        int next = 1;
        var byKind = new Dictionary<AblationKind, AblationKindResult>();
        foreach (AblationKind kind in Kinds)
        {
            double[][] delta = clusters.Select(_ => Delta(correct[next++], clean, totals)).ToArray();
            double[][] randomSpecialization = randomSets.Select(sets => sets.Select(_ => Specialization.Of(Delta(correct[next++], clean, totals))).ToArray()).ToArray();
            double[] specialization = delta.Select((row, c) => clusters[c].Count == 0 ? double.NaN : Specialization.Of(row)).ToArray();
            double[] percentile = specialization.Select((s, c) => Specialization.Percentile(s, randomSpecialization[c])).ToArray();
            int[] owners = ClassOwnership.Owners(delta);
            byKind[kind] = new AblationKindResult(kind, delta, specialization, randomSpecialization, percentile, owners,
                ClassOwnership.CollateralDrops(delta, owners));
        }

        return new ClusterAblationResult(layer, units.Count, classNames, options, clusterSource,
            clusters.Select(c => (IReadOnlyList<int>)c.Order().ToArray()).ToArray(), totals, clean, unitMeans,
            byKind[AblationKind.Zero], byKind[AblationKind.Mean])
        {
            StackedAtLayer = expandedAtLayer,
            LogitUpdate = updated is not null,
            RecomputedPredictions = updated?.Recomputed ?? 0,
        };
    }

    private static readonly AblationKind[] Kinds = [AblationKind.Zero, AblationKind.Mean];

    /// <summary>From counts, so that equal counts give exactly 0; NaN for a class without samples.</summary>
    private static double[] Delta(long[] ablated, long[] clean, IReadOnlyList<long> totals) =>
        ablated.Select((a, y) => totals[y] == 0 ? double.NaN : (double)(a - clean[y]) / totals[y]).ToArray();
}
