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
/// that runs the clean model and every ablated variant (2·k·(1 + n) of them) on each batch, stacked
/// into as few forward passes as <see cref="AblationOptions.MaxRowsPerForward"/> allows; where the
/// model allows it (checked per batch, see <see cref="AblatedAccuracy"/>) the layers before the ablated
/// one run once per batch rather than once per variant. Where the layer reaches the logits through
/// exact element-wise activations and one Linear layer (checked per batch, see <see cref="LinearReadout"/>),
/// no variant runs through the model at all: its logits are the clean ones plus the ablated units' share
/// (<see cref="LogitUpdateAccuracy"/>), with the same predictions. Counts are integers, so a Δ of 0 is exactly 0.
/// </para>
/// <para>
/// Each cluster's variants (the cluster and its random sets, of both kinds, after the clean variant)
/// are counted as a group of their own, never stacked with another cluster's, and each cluster's Δ is
/// taken against its group's clean count. So the measurement splits by cluster: a sharded audit's part
/// of the clusters (<see cref="Checks.PlannedParts.Clusters"/>) holds exactly what the whole measurement
/// holds for them, bit for bit, and <c>interpaudit merge</c> assembles the parts
/// (<see cref="ClusterAblationResult"/>). The groups are alike, so every group's clean count is the
/// first one's; the result records the first held cluster's.
/// </para>
/// </summary>
internal static class ClusterAblation
{
    /// <param name="part">The clusters to measure (ascending indices into <paramref name="clusters"/>), for a shard's part; null: all of them.</param>
    public static ClusterAblationResult Measure(ActivationStream stream, string layer, IReadOnlyList<IReadOnlyList<int>> clusters,
        IReadOnlyList<string> classNames, AblationOptions options, string clusterSource = "", IReadOnlyList<int>? part = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.RandomSets, 1);
        var units = LayerUnits.Of(stream.Layers.Resolve(layer, stream.Model.GetType().Name));
        foreach (int unit in clusters.SelectMany(c => c))
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(unit, units.Count, nameof(clusters));
        int[] held = part?.ToArray() ?? Enumerable.Range(0, clusters.Count).ToArray();
        if (held.Length == 0 || held.Any(c => c < 0 || c >= clusters.Count) || held.Zip(held.Skip(1)).Any(p => p.First >= p.Second))
            throw new ArgumentException($"expected ascending cluster indices below {clusters.Count}, found {string.Join(", ", held)}", nameof(part));

        using Tensor means = UnitMeans.Measure(stream, layer, units);
        double[] unitMeans = means.mean([0]).cpu().data<double>().ToArray();

        // Each cluster's random sets come from its own seed, so a part draws the sets the whole draws.
        int[][][] randomSets = held.Select(c =>
            RandomUnitSets.Draw(units.Count, clusters[c].Count, options.RandomSets, SeedDerivation.Derive(options.Seed, "ablation-random-sets", c))).ToArray();
        IReadOnlyList<AblationVariant>[] groups = held.Select((c, i) => Group(clusters[c], randomSets[i])).ToArray();

        LogitUpdateAccuracy? updated = options.LogitUpdate ? LogitUpdateAccuracy.Count(stream, layer, units, means, groups, classNames.Count) : null;
        (long[][][] correct, bool expandedAtLayer) = updated is not null
            ? (updated.Correct, true)
            : AblatedAccuracy.Count(stream, layer, units, means, groups, classNames.Count, options.MaxRowsPerForward, options.StackAtLayer);
        IReadOnlyList<long> totals = stream.Dataset!.ClassCounts;

        var byKind = new Dictionary<AblationKind, AblationKindResult>();
        foreach (AblationKind kind in Kinds)
        {
            int first = FirstOf(kind, options.RandomSets);
            double[][] delta = held.Select((_, i) => Delta(correct[i][first], correct[i][0], totals)).ToArray();
            double[][] randomSpecialization = held.Select((_, i) => Enumerable.Range(first + 1, options.RandomSets)
                .Select(v => Specialization.Of(Delta(correct[i][v], correct[i][0], totals))).ToArray()).ToArray();
            double[] specialization = delta.Select((row, i) => clusters[held[i]].Count == 0 ? double.NaN : Specialization.Of(row)).ToArray();
            double[] percentile = specialization.Select((s, i) => Specialization.Percentile(s, randomSpecialization[i])).ToArray();
            byKind[kind] = part is null
                ? AblationKindResult.OverAllClusters(kind, delta, specialization, randomSpecialization, percentile)
                : AblationKindResult.OverPart(kind, delta, specialization, randomSpecialization, percentile);
        }

        return new ClusterAblationResult(layer, units.Count, classNames, options, clusterSource,
            clusters.Select(c => (IReadOnlyList<int>)c.Order().ToArray()).ToArray(), totals, correct[0][0], unitMeans,
            byKind[AblationKind.Zero], byKind[AblationKind.Mean])
        {
            StackedAtLayer = expandedAtLayer,
            LogitUpdate = updated is not null,
            RecomputedPredictions = updated?.Recomputed ?? 0,
            PartClusters = part is null ? null : held,
        };
    }

    private static readonly AblationKind[] Kinds = [AblationKind.Zero, AblationKind.Mean];

    /// <summary>A cluster's group: the clean variant, then per kind the cluster and its random sets.</summary>
    private static IReadOnlyList<AblationVariant> Group(IReadOnlyList<int> cluster, int[][] randomSets)
    {
        var variants = new List<AblationVariant> { AblationVariant.Clean };
        foreach (AblationKind kind in Kinds)
        {
            variants.Add(new AblationVariant(cluster, kind));
            variants.AddRange(randomSets.Select(set => new AblationVariant(set, kind)));
        }
        return variants;
    }

    /// <summary>Where a kind's cluster variant sits in a group (its random sets follow it).</summary>
    private static int FirstOf(AblationKind kind, int randomSets) => 1 + Array.IndexOf(Kinds, kind) * (1 + randomSets);

    /// <summary>From counts, so that equal counts give exactly 0; NaN for a class without samples.</summary>
    private static double[] Delta(long[] ablated, long[] clean, IReadOnlyList<long> totals) =>
        ablated.Select((a, y) => totals[y] == 0 ? double.NaN : (double)(a - clean[y]) / totals[y]).ToArray();
}
