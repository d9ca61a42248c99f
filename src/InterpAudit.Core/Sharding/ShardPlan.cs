using InterpAudit.Checks;
using InterpAudit.Results;

namespace InterpAudit.Sharding;

/// <summary>
/// Splits an audit's declarations into work units and the units over shards. A unit is the smallest
/// set of declarations closed under shared measurements (connected components of "measures the same
/// key"), so that every measurement runs in exactly one shard, as it runs once unsharded.
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

        var described = units.Select(u => (u.Declarations, Keys: u.Measurements.Select(m => m.Id.Key).ToArray(),
            Cost: u.Measurements.Sum(m => m.Cost))).ToList();
        var shardOf = new int[described.Count];
        double[] load = loads?.ToArray() ?? new double[shards];
        foreach (int u in Enumerable.Range(0, described.Count)
                     .OrderByDescending(u => described[u].Cost).ThenBy(u => Id(described[u].Keys), StringComparer.Ordinal))
        {
            int least = 0;
            for (int s = 1; s < shards; s++)
                if (load[s] < load[least]) least = s;
            shardOf[u] = least + 1;
            load[least] += described[u].Cost;
        }
        return described.Select((u, i) => new PlannedUnit(Id(u.Keys), shardOf[i], u.Cost, u.Declarations, u.Keys)).ToList();
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
