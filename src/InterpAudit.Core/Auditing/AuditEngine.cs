using System.Diagnostics;
using InterpAudit.Capture;
using InterpAudit.Checks;
using InterpAudit.Diagnostics;
using InterpAudit.Results;
using InterpAudit.Sharding;
using TorchSharp;
using static TorchSharp.torch;

namespace InterpAudit.Auditing;

/// <summary>
/// Runs one audit: create the model, load and fingerprint its weights, validate every declaration
/// before measuring anything, then evaluate the checks over the streamed evaluation set.
/// </summary>
public sealed class AuditEngine(CheckCatalog catalog, IProgress<string>? progress = null)
{
    public AuditResult Run(AuditRequest request)
    {
        DateTimeOffset startedAt = DateTimeOffset.UtcNow;
        var timings = new Dictionary<string, double>();
        IAuditTarget target = request.Target;
        string targetType = target.GetType().FullName ?? target.GetType().Name;
        IReadOnlyList<string> classNames = ReadClassNames(target);
        if (DeclaredLimits.Violations(request.Audit).ToList() is { Count: > 0 } problems)
            throw new AuditInputException(DiagnosticCodes.InvalidCheckDeclaration,
                $"[InterpretabilityAudit] is invalid: {string.Join("; ", problems)}.");
        (string datasetName, string split) = DatasetNaming(request.Audit, targetType);

        torch.manual_seed(request.Audit.Seed);
        if (request.Threads > 0) torch.set_num_threads(request.Threads);
        int threads = torch.get_num_threads();
        Device device = AuditDevice.Resolve(request.DeviceChoice);

        long start = Stopwatch.GetTimestamp();
        nn.Module<Tensor, Tensor> model = CallTarget(() => target.CreateModel(), nameof(IAuditTarget.CreateModel));
        string weightsPath = CallTarget(() => target.WeightsPath, nameof(IAuditTarget.WeightsPath));
        string weightsSha = request.Weights.Load(model, weightsPath);
        model.to(device);
        model.eval();
        long parameters = model.parameters().Sum(p => p.numel());
        timings["load"] = Stopwatch.GetElapsedTime(start).TotalSeconds;
        progress?.Report($"loaded {model.GetType().Name} ({parameters:N0} parameters) from {weightsPath} on {device}, {threads} CPU thread(s)");

        var stream = new ActivationStream(model, target.EvaluationBatches, device, request.Audit.BatchSize, classNames.Count, model.GetType().Name);
        var context = new CheckContext(stream, classNames, request.Audit.Seed, progress);
        var planned = request.Checks.Select(d => (Declared: d, Check: catalog.For(d.Attribute, d.Declaration))).ToList();
        foreach ((DeclaredCheck declared, ICheck check) in planned)
            Validate(declared, check, context, stream.Layers, model.GetType().Name);
        // The data and the model's output width, before any measurement: a measurement over a class
        // without samples gives NaN (0/0), which a bound can neither pass nor fail honestly.
        RequireEveryClass(stream.Preflight(), classNames);

        // Every shard validates everything above (bad input fails every job), then runs its units only.
        IReadOnlyList<PlannedUnit>? plan = request.Shard is { } shard
            ? ShardPlan.Build(planned.Select(p => p.Check.Plan(p.Declared.Attribute, context)).ToList(), shard.Count, request.ShardLoads)
            : null;
        List<PlannedUnit> mine = plan?.Where(u => u.Shard == request.Shard!.Index).ToList() ?? [];
        HashSet<int>? owned = plan is null ? null : mine.Where(u => u.Part is null).SelectMany(u => u.Declarations).ToHashSet();
        // A split unit's declarations only measure their parts here; merge judges them (ShardInfo.Deferred).
        HashSet<int> measuredOnly = mine.Where(u => u.Part is not null).SelectMany(u => u.Declarations).ToHashSet();
        context.Parts = mine.Where(u => u.Part is not null)
            .SelectMany(u => u.Measurements.Where(u.Splits).SelectMany(key => u.Part!.Indices.Select(index => (key, index))))
            .GroupBy(p => p.key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<int>)g.Select(p => p.index).Order().ToArray(), StringComparer.Ordinal);

        start = Stopwatch.GetTimestamp();
        var results = new List<CheckResult>();
        for (int d = 0; d < planned.Count; d++)
        {
            (DeclaredCheck declared, ICheck check) = planned[d];
            if (owned is null || owned.Contains(d)) results.AddRange(check.Evaluate(declared.Attribute, declared.Declaration, context));
            else if (measuredOnly.Contains(d)) check.MeasureOnly(declared.Attribute, declared.Declaration, context);
        }
        DatasetIdentity dataset = (stream.Dataset ?? stream.ForEachBatch((_, _) => { })) with { Name = datasetName, Split = split };
        timings["checks"] = Stopwatch.GetElapsedTime(start).TotalSeconds;
        foreach ((string key, double seconds) in context.Timings) timings["measure:" + key] = seconds;

        var modelIdentity = new ModelIdentity(model.GetType().FullName ?? model.GetType().Name, Path.GetFullPath(weightsPath), weightsSha, parameters);
        ShardInfo? shardInfo = plan is null ? null : new ShardInfo(request.Shard!.Index, request.Shard.Count,
            new ShardIdentity(request.Audit.Name, modelIdentity.Type, weightsSha, parameters, dataset.Sha256, dataset.SampleCount,
                request.Audit.Seed, request.ToolVersion, device.ToString()),
            plan.Where(u => u.Shard == request.Shard.Index).Select(u => u.Id).ToList(),
            planned.Select(p => p.Declared.Declaration).ToList(), plan,
            context.Measurements.ToDictionary(m => m.Key, m => m.Value.GetType().FullName!, StringComparer.Ordinal),
            plan.Where(u => u.Part is not null).SelectMany(u => u.Declarations).Distinct().Order()
                .Select(d => new DeferredCheck(d, CanonicalAttribute.Line(planned[d].Declared.Attribute))).ToList());

        return new AuditResult(
            AuditResult.CurrentSchema, request.Audit.Name, targetType,
            modelIdentity, dataset, classNames, device.ToString(), request.Audit.Seed, request.ToolVersion, startedAt, timings, results,
            context.Measurements)
        {
            MeasurementIds = context.MeasurementIds, FalseAlarmRate = request.Audit.FalseAlarmRate, Threads = threads,
            ConfigurationSha256 = AuditConfiguration.Sha256(request.Audit, request.Checks.Select(c => c.Attribute)),
            Shard = shardInfo,
        };
    }

    /// <summary>
    /// The declared data set name and split, or the defaults: the method the data came from, and
    /// "evaluation". A declared blank name would record nothing a reviewer can read: IA3013.
    /// </summary>
    private static (string Name, string Split) DatasetNaming(InterpretabilityAuditAttribute audit, string targetType)
    {
        foreach ((string property, string? value) in new[] { (nameof(audit.Dataset), audit.Dataset), (nameof(audit.Split), audit.Split) })
            if (value is not null && string.IsNullOrWhiteSpace(value))
                throw new AuditInputException(DiagnosticCodes.InvalidCheckDeclaration,
                    $"[InterpretabilityAudit] is invalid: {property} is blank: expected the evaluation data's {(property == nameof(audit.Split) ? "split" : "name")} (e.g. {(property == nameof(audit.Split) ? "\"test\"" : "\"MNIST\"")}), or leave it unset for the default.");
        return (audit.Dataset ?? targetType + "." + nameof(IAuditTarget.EvaluationBatches), audit.Split ?? DefaultSplit);
    }

    /// <summary>The split recorded when the audit does not name one: the data is what EvaluationBatches returns.</summary>
    public const string DefaultSplit = "evaluation";

    private static IReadOnlyList<string> ReadClassNames(IAuditTarget target)
    {
        IReadOnlyList<string> names = CallTarget(() => target.ClassNames, nameof(IAuditTarget.ClassNames));
        if (names is null || names.Count == 0)
            throw new AuditInputException(DiagnosticCodes.AuditTargetFailed,
                $"{target.GetType().Name}.ClassNames is empty: expected one name per class label.");
        string? duplicate = names.GroupBy(n => n).FirstOrDefault(g => g.Count() > 1)?.Key;
        if (duplicate is not null)
            throw new AuditInputException(DiagnosticCodes.AuditTargetFailed,
                $"{target.GetType().Name}.ClassNames lists \"{duplicate}\" twice: expected distinct names.");
        return names.ToArray();
    }

    /// <summary>IA3028 when a class has no evaluation samples, naming every such class.</summary>
    private static void RequireEveryClass(DatasetIdentity data, IReadOnlyList<string> classNames)
    {
        List<string> empty = Enumerable.Range(0, classNames.Count).Where(c => data.ClassCounts[c] == 0)
            .Select(c => $"\"{classNames[c]}\" (label {c})").ToList();
        if (empty.Count == 0) return;
        string classes = empty.Count == 1 ? "class " + empty[0] : $"classes {string.Join(", ", empty.Take(empty.Count - 1))} and {empty[^1]}";
        throw new AuditInputException(DiagnosticCodes.ClassWithoutSamples,
            $"No evaluation samples of {classes}: expected at least one sample of every class in ClassNames, found 0 of {data.SampleCount} samples. Evaluate on data that covers every class, or remove the class from ClassNames.");
    }

    private static void Validate(DeclaredCheck declared, ICheck check, CheckContext context, ModelLayers layers, string modelType)
    {
        List<string> problems = check.Validate(declared.Attribute, context).ToList();
        if (problems.Count > 0)
            throw new AuditInputException(DiagnosticCodes.InvalidCheckDeclaration,
                $"[{declared.Declaration.AttributeType}] is invalid: {string.Join("; ", problems)}.", declaration: declared.Declaration);
        foreach (string layer in check.Layers(declared.Attribute))
        {
            try
            {
                layers.Resolve(layer, modelType);
            }
            catch (AuditInputException e)
            {
                throw new AuditInputException(e.Code, e.Message, declaration: declared.Declaration);
            }
        }
    }

    private static T CallTarget<T>(Func<T> call, string member)
    {
        try
        {
            return call();
        }
        catch (Exception e) when (e is not AuditInputException)
        {
            throw new AuditInputException(DiagnosticCodes.AuditTargetFailed,
                $"IAuditTarget.{member} threw {e.GetType().Name}: {e.Message}", inner: e);
        }
    }
}
