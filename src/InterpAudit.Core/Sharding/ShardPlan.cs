using InterpAudit.Checks;
using InterpAudit.Results;

namespace InterpAudit.Sharding;

/// <summary>
/// Splits an audit's declarations into work units and the units over shards. A unit is the smallest
/// set of declarations closed under shared measurements (connected components of "measures the same
/// key"), so that every measurement runs in exactly one shard, as it runs once unsharded — or, when
/// all of a unit's measurements split into independent parts along one axis (<see cref="PlannedParts"/>:
/// ECS by class, cluster ablation by cluster), a part of that unit, so that one costly measurement can
/// spread over shards. A part takes its prerequisites whole (the co-clustering it ablates).
/// <para>
/// Balancing is greedy longest-processing-time first (Graham 1969: within 4/3 of the best makespan):
/// units by estimated cost, largest first, ties by id, each to the least loaded shard, ties to the
/// lowest. Everything it reads is declared or derived from the model's shape, never timed, so every
/// shard of a CI matrix computes the same plan on its own.
/// </para>
/// </summary>
public static class ShardPlan
{
    /// <param name="declarations">Per declaration, in check order, what it will measure.</param>
    /// <param name="shards">How many shards share the work.</param>
    /// <param name="loads">
    /// Each shard's estimated cost so far from the run's earlier audits (<see cref="Loads"/>), so that a
    /// project's audits are balanced together: planned alone, each would give shard 1 its largest unit.
    /// Every job runs the same audits in the same order, so every job starts each audit from the same loads.
    /// </param>
    /// <returns>The units in the order of their first declaration, each with its shard (1-based).</returns>
    public static IReadOnlyList<PlannedUnit> Build(IReadOnlyList<IReadOnlyList<PlannedMeasurement>> declarations, int shards,
        IReadOnlyList<double>? loads = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shards, 1);
        if (loads is not null && loads.Count != shards) throw new ArgumentException($"expected {shards} loads, found {loads.Count}", nameof(loads));
        int[] parent = Enumerable.Range(0, declarations.Count).ToArray();
        var firstByKey = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int d = 0; d < declarations.Count; d++)
            foreach (PlannedMeasurement measurement in declarations[d])
                if (firstByKey.TryGetValue(measurement.Id.Key, out int other)) Join(parent, d, other);
                else firstByKey[measurement.Id.Key] = d;

        var units = new List<(List<int> Declarations, List<PlannedMeasurement> Measurements)>();
        var unitOfRoot = new Dictionary<int, int>();
        for (int d = 0; d < declarations.Count; d++)
        {
            int root = Root(parent, d);
            if (!unitOfRoot.TryGetValue(root, out int u))
            {
                unitOfRoot[root] = u = units.Count;
                units.Add(([], []));
            }
            units[u].Declarations.Add(d);
            foreach (PlannedMeasurement measurement in declarations[d])
                if (!units[u].Measurements.Any(m => m.Id.Key == measurement.Id.Key)) units[u].Measurements.Add(measurement);
        }

        var described = units.SelectMany(u => Pieces(u.Declarations, u.Measurements)).ToList();
        var shardOf = new int[described.Count];
        double[] load = loads?.ToArray() ?? new double[shards];
        foreach (int u in Enumerable.Range(0, described.Count)
                     .OrderByDescending(u => described[u].Cost).ThenBy(u => described[u].Id, StringComparer.Ordinal))
        {
            int least = 0;
            for (int s = 1; s < shards; s++)
                if (load[s] < load[least]) least = s;
            shardOf[u] = least + 1;
            load[least] += described[u].Cost;
        }
        return described.Select((u, i) => new PlannedUnit(u.Id, shardOf[i], u.Cost, u.Declarations, u.Keys, u.Part, u.Prerequisites)).ToList();
    }

    /// <summary>
    /// The most parts one group of measurements is split into: past it, neighbouring indices share a
    /// part. Enough to spread one measurement over a 64-job CI matrix; more would only lengthen every
    /// shard file's plan (a 1,000-class model's would list 1,000 units in each of them).
    /// </summary>
    public const int MaxParts = 64;

    /// <summary>
    /// A group of declarations as one unit, or — when every measurement of it but its prerequisites
    /// (<see cref="PlannedMeasurement.Prerequisite"/>) splits along the same axis into the same number
    /// of indices — one unit per part, each with its indices' costs plus what every part repeats: the
    /// prerequisites, and each measurement's <see cref="PlannedParts.PerPart"/>. A part is made only
    /// where its own share is at least what it repeats: past that, more parts add more work to the
    /// audit than they spread. The parts depend on the declarations and the model only, never on the
    /// shard count.
    /// </summary>
    private static IEnumerable<(string Id, List<int> Declarations, string[] Keys, double Cost, UnitPart? Part, string[]? Prerequisites)> Pieces(
        List<int> declarations, List<PlannedMeasurement> measurements)
    {
        string[] keys = measurements.Select(m => m.Id.Key).ToArray();
        string id = Id(keys);
        List<PlannedMeasurement> splitting = measurements.Where(m => !m.Prerequisite).ToList();
        PlannedParts? first = splitting.FirstOrDefault()?.Parts;
        double whole = measurements.Sum(m => m.Cost);
        if (first is null || first.Costs.Count < 2
            || splitting.Any(m => m.Parts is not { } p || p.Axis != first.Axis || p.Costs.Count != first.Costs.Count))
        {
            yield return (id, declarations, keys, whole, null, null);
            yield break;
        }
        double repeated = measurements.Where(m => m.Prerequisite).Sum(m => m.Cost) + splitting.Sum(m => m.Parts!.PerPart);
        double divided = splitting.Sum(m => m.Parts!.Costs.Sum());
        int parts = Math.Min(first.Costs.Count, repeated <= 0 ? MaxParts : (int)Math.Clamp(Math.Floor(divided / repeated), 1, MaxParts));
        if (parts < 2)
        {
            yield return (id, declarations, keys, whole, null, null);
            yield break;
        }
        string[]? prerequisites = measurements.Any(m => m.Prerequisite) ? measurements.Where(m => m.Prerequisite).Select(m => m.Id.Key).ToArray() : null;
        foreach (UnitPart part in Ranges(first.Axis, first.Costs.Count, parts))
            yield return ($"{id} ({part})", declarations, keys, repeated + splitting.Sum(m => part.Indices.Sum(i => m.Parts!.Costs[i])), part, prerequisites);
    }

    /// <summary>0 … count − 1 in at most <paramref name="parts"/> (and <see cref="MaxParts"/>) contiguous ranges whose sizes differ by at most one.</summary>
    public static IReadOnlyList<UnitPart> Ranges(string axis, int count, int parts = MaxParts)
    {
        parts = Math.Min(count, Math.Min(parts, MaxParts));
        return Enumerable.Range(0, parts).Select(r => new UnitPart(axis, (int)((long)r * count / parts), (int)((long)(r + 1) * count / parts) - 1)).ToList();
    }

    /// <summary>Each shard's summed unit costs in <paramref name="plan"/>, added to <paramref name="loads"/>: the loads the next audit starts from.</summary>
    public static double[] Loads(IReadOnlyList<PlannedUnit> plan, IReadOnlyList<double> loads)
    {
        double[] next = loads.ToArray();
        foreach (PlannedUnit unit in plan) next[unit.Shard - 1] += unit.Cost;
        return next;
    }

    private static string Id(IEnumerable<string> keys) => string.Join(" + ", keys);

    private static int Root(int[] parent, int d)
    {
        while (parent[d] != d) d = parent[d] = parent[parent[d]];
        return d;
    }

    private static void Join(int[] parent, int a, int b)
    {
        int ra = Root(parent, a), rb = Root(parent, b);
        if (ra != rb) parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
    }
}
