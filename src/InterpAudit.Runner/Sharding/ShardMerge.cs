using System.Text.Json;
using InterpAudit.Checks;
using InterpAudit.Diagnostics;
using InterpAudit.Reporting;
using InterpAudit.Results;
using InterpAudit.Sharding;

namespace InterpAudit.Runner.Sharding;

/// <summary>
/// Combines the shards of one audit into the result the unsharded audit would have given: first checks
/// that they belong together (IA3041), that no work unit is in two of them (IA3043) and that every unit
/// of the plan is in one (IA3042); then puts checks and measurements back in the unsharded order.
/// Nothing is judged here: the combined result goes through the same <see cref="AuditCompletion"/> as
/// an unsharded one.
/// </summary>
internal static class ShardMerge
{
    public static AuditResult Combine(IReadOnlyList<ShardFile> shards)
    {
        ShardFile reference = shards.OrderBy(s => s.Shard.Index).First();
        foreach (ShardFile other in shards)
            RequireSameAudit(reference, other);
        RequireEachUnitOnce(reference, shards);

        ShardInfo plan = reference.Shard;
        // Every measurement of a whole unit comes from the one shard that owns the unit; a split unit's
        // from every shard that ran one of its parts, each holding its parts' indices.
        var holders = new Dictionary<string, List<ShardFile>>(StringComparer.Ordinal);
        foreach (ShardFile shard in shards)
            foreach (string key in shard.Result.Measurements.Keys)
                (holders.TryGetValue(key, out List<ShardFile>? list) ? list : holders[key] = []).Add(shard);
        // A prerequisite every part took whole (the co-clustering of an ablation split by cluster) is
        // the same in each; the lowest shard's copy is kept, whatever order the files came in.
        var assembled = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach ((string key, List<ShardFile> from) in holders)
            assembled[key] = plan.Plan.Any(u => u.Splits(key))
                ? Assemble(key, from, reference.Result.ClassNames)
                : Typed(from.MinBy(s => s.Shard.Index)!, key);

        // Every result of a declaration comes from the one shard that owns its unit, or, for a split
        // unit, from judging the assembled measurements here: ordering by the declaration's position
        // restores the unsharded check order.
        var position = plan.Declarations.Select((d, i) => (d, i)).ToDictionary(x => x.d, x => x.i);
        List<CheckResult> checks = shards.SelectMany(s => s.Result.Checks)
            .Concat((plan.Deferred ?? []).SelectMany(d => Judge(reference, d, assembled)))
            .OrderBy(c => position[c.Declaration]).ToList();

        // Unsharded, measurements are taken in the order the declarations first ask for them, which is
        // what each check's MeasurementKeys records.
        List<string> order = checks.SelectMany(c => c.MeasurementKeys)
            .Concat(shards.SelectMany(s => s.Result.MeasurementIds.Select(id => id.Key)))
            .Where(holders.ContainsKey).Distinct(StringComparer.Ordinal).ToList();

        var measurements = new Dictionary<string, object>(StringComparer.Ordinal);
        var ids = new List<MeasurementId>();
        var timings = new Dictionary<string, double>
        {
            // The work the audit took, over all its jobs: what the unsharded audit would have spent.
            ["load"] = shards.Sum(s => s.Result.TimingsSeconds.GetValueOrDefault("load")),
            ["checks"] = shards.Sum(s => s.Result.TimingsSeconds.GetValueOrDefault("checks")),
        };
        foreach (string key in order)
        {
            measurements[key] = assembled[key];
            ShardFile first = holders[key][0];
            ids.Add(first.Result.MeasurementIds.FirstOrDefault(id => id.Key == key)
                ?? throw Foreign(first, $"it holds measurement '{key}' without its identity in measurementIds"));
            double[] seconds = holders[key].Select(s => s.Result.TimingsSeconds.GetValueOrDefault("measure:" + key, double.NaN)).Where(t => !double.IsNaN(t)).ToArray();
            if (seconds.Length > 0) timings["measure:" + key] = seconds.Sum();
        }

        return reference.Result with
        {
            StartedAt = shards.Min(s => s.Result.StartedAt),
            TimingsSeconds = timings,
            Checks = checks,
            Measurements = measurements,
            MeasurementIds = ids,
            Shard = null,
        };
    }

    /// <summary>
    /// The measurement as its own type, as the unsharded audit holds it, so that the report's sections
    /// find it. The type must be one of InterpAudit's own: a file names it, and nothing else is loaded.
    /// </summary>
    private static object Typed(ShardFile shard, string key)
    {
        object value = shard.Result.Measurements[key];
        if (value is not JsonElement json) return value;
        string? typeName = shard.Shard.MeasurementTypes.GetValueOrDefault(key);
        Type? type = typeName is null ? null : typeof(Auditing.AuditEngine).Assembly.GetType(typeName, throwOnError: false);
        if (type is null || type.IsAbstract || !type.IsPublic)
            throw Foreign(shard, $"measurement '{key}' has type '{typeName ?? "(none)"}', which is not one of this InterpAudit's measurement results");
        try
        {
            return json.Deserialize(type, MetricsJson.Options)
                ?? throw Foreign(shard, $"measurement '{key}' is null");
        }
        catch (JsonException e)
        {
            throw Foreign(shard, $"measurement '{key}' is not a {type.Name} ({e.Message})");
        }
    }

    /// <summary>
    /// A split unit's measurement from its parts: each shard's partial result must hold exactly the
    /// indices of the parts the plan gave it, and together they hold every index once.
    /// </summary>
    private static object Assemble(string key, IReadOnlyList<ShardFile> from, IReadOnlyList<string> classNames)
    {
        var parts = new List<IAssembledFromParts>();
        foreach (ShardFile shard in from)
        {
            if (Typed(shard, key) is not IAssembledFromParts part)
                throw Foreign(shard, $"measurement '{key}' belongs to a split work unit, but its type {shard.Shard.MeasurementTypes.GetValueOrDefault(key)} has no parts");
            int[] expected = shard.Shard.Plan.Where(u => u.Shard == shard.Shard.Index && u.Splits(key))
                .SelectMany(u => u.Part!.Indices).Order().ToArray();
            IReadOnlyList<int> found;
            try
            {
                found = part.PartIndices(classNames);
            }
            catch (InvalidDataException e)
            {
                throw Foreign(shard, $"its part of measurement '{key}' does not fit the audit: {e.Message}");
            }
            if (!found.SequenceEqual(expected))
                throw Foreign(shard, $"its part of measurement '{key}' holds indices {Indices(found)}, but its work units are indices {Indices(expected)}");
            parts.Add(part);
        }
        try
        {
            return parts[0].Assemble(parts, classNames);
        }
        catch (InvalidDataException e)
        {
            throw Foreign(from[^1], $"the parts of measurement '{key}' do not assemble: {e.Message}");
        }
    }

    private static IEnumerable<CheckResult> Judge(ShardFile reference, DeferredCheck deferred, IReadOnlyDictionary<string, object> measurements)
    {
        AuditResult result = reference.Result;
        if (deferred.Declaration < 0 || deferred.Declaration >= reference.Shard.Declarations.Count)
            throw Foreign(reference, $"its deferred check {deferred.Declaration} is not one of its {reference.Shard.Declarations.Count} declarations");
        try
        {
            return DeferredJudgement.Judge(CheckCatalog.Default, deferred, reference.Shard.Declarations[deferred.Declaration], measurements,
                result.ClassNames, result.Seed);
        }
        catch (InvalidDataException e)
        {
            throw Foreign(reference, $"its deferred check {deferred.Declaration} cannot be judged: {e.Message}");
        }
    }

    private static string Indices(IReadOnlyList<int> indices) => indices.Count == 0 ? "none" : string.Join(", ", indices);

    private static void RequireSameAudit(ShardFile reference, ShardFile other)
    {
        ShardInfo a = reference.Shard, b = other.Shard;
        ShardIdentity x = a.Identity, y = b.Identity;
        (string What, object Expected, object Found)[] parts =
        [
            ("shard count", a.Count, b.Count),
            ("model type", x.ModelType, y.ModelType),
            ("weights SHA-256", x.WeightsSha256, y.WeightsSha256),
            ("parameter count", x.Parameters, y.Parameters),
            ("evaluation data SHA-256", x.DataSha256, y.DataSha256),
            ("sample count", x.Samples, y.Samples),
            ("seed", x.Seed, y.Seed),
            ("InterpAudit version", x.ToolVersion, y.ToolVersion),
            ("device", x.Device, y.Device),
            ("check declarations", Json(a.Declarations), Json(b.Declarations)),
            ("work-unit plan", Json(a.Plan), Json(b.Plan)),
            ("deferred checks", Json(a.Deferred ?? []), Json(b.Deferred ?? [])),
        ];
        foreach ((string what, object expected, object found) in parts)
            if (!Equals(expected, found))
                throw new AuditInputException(DiagnosticCodes.ShardsMismatched,
                    $"[{x.Audit}] {other} does not belong with {reference}: its {what} is {Show(found)}, expected {Show(expected)}. Expected the shards of one build: the same commit, weights, data, seed, device and --shard count.",
                    other.Path);
        var assigned = a.Plan.Where(u => u.Shard == b.Index).Select(u => u.Id);
        if (!assigned.SequenceEqual(b.Units, StringComparer.Ordinal))
            throw Foreign(other, $"it ran work units {List(b.Units)}, but the plan gives shard {b.Index} {List(assigned)}");
    }

    private static void RequireEachUnitOnce(ShardFile reference, IReadOnlyList<ShardFile> shards)
    {
        string audit = reference.Shard.Identity.Audit;
        var claims = shards.SelectMany(s => s.Shard.Units.Select(u => (Unit: u, File: s))).GroupBy(c => c.Unit, StringComparer.Ordinal).ToList();
        if (claims.FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            ShardFile[] files = twice.Select(c => c.File).ToArray();
            // Every unit named (a few at most), so that a part of a split measurement shows which classes it is.
            string[] others = claims.Where(g => g.Count() > 1 && g.Key != twice.Key).Select(g => g.Key).ToArray();
            string more = others.Length == 0 ? ""
                : $", and so {(others.Length == 1 ? "is" : "are")} {List(others.Take(MaxNamed))}{(others.Length > MaxNamed ? $" and {others.Length - MaxNamed} more" : "")}";
            throw new AuditInputException(DiagnosticCodes.ShardDuplicated,
                $"[{audit}] Work unit '{twice.Key}' is in {files.Length} shard files ({string.Join(" and ", files.Select(f => f.ToString()))}){more}: expected each unit exactly once. Pass each shard's file once.",
                files[^1].Path);
        }
        HashSet<string> present = claims.Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var missing = reference.Shard.Plan.Where(u => !present.Contains(u.Id)).GroupBy(u => u.Shard).OrderBy(g => g.Key).ToList();
        if (missing.Count > 0)
        {
            int count = reference.Shard.Count;
            string found = string.Join(", ", shards.Select(s => s.Shard.Index).Distinct().Order());
            throw new AuditInputException(DiagnosticCodes.ShardMissing,
                $"[{audit}] Missing {string.Join("; ", missing.Select(g => $"shard {g.Key}/{count} (work units {List(g.Select(u => u.Id))})"))}: expected one file from each of shards 1 to {count}, found shard(s) {found}.",
                reference.Path);
        }
    }

    /// <summary>How many duplicated units an IA3043 message names besides the first.</summary>
    private const int MaxNamed = 8;

    private static AuditInputException Foreign(ShardFile shard, string why) =>
        new(DiagnosticCodes.ShardsMismatched, $"[{shard.Shard.Identity.Audit}] {shard} cannot be merged: {why}.", shard.Path);

    private static string Json(object value) => JsonSerializer.Serialize(value, MetricsJson.Options);

    private static string Show(object value) => value is string text ? (text.Length > 80 ? $"\"{text[..77]}…\"" : $"\"{text}\"") : value.ToString()!;

    private static string List(IEnumerable<string> units) => units.Any() ? string.Join(", ", units.Select(u => $"'{u}'")) : "none";
}
