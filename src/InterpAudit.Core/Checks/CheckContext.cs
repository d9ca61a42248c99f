using InterpAudit.Capture;
using InterpAudit.Results;

namespace InterpAudit.Checks;

/// <summary>
/// What a check may use: the activation stream, the class names, the seed, progress, and a cache so
/// that a measurement several checks need (e.g. per-class accuracy) runs once per audit.
/// </summary>
public sealed class CheckContext
{
    private readonly ActivationStream? _stream;
    private readonly Dictionary<string, object> _measurements = new();
    private readonly List<MeasurementId> _ids = new();
    private readonly List<string> _used = new();

    public CheckContext(ActivationStream stream, IReadOnlyList<string> classNames, int seed, IProgress<string>? progress = null)
        : this(classNames, seed)
    {
        _stream = stream;
        Progress = progress;
    }

    private CheckContext(IReadOnlyList<string> classNames, int seed)
    {
        ClassNames = classNames;
        Seed = seed;
    }

    /// <summary>
    /// A context over measurements already taken, without a model or data: what <c>interpaudit merge</c>
    /// judges a split unit's declarations in, once their parts are assembled. Every measurement a
    /// declaration asks for must be among <paramref name="measurements"/>.
    /// </summary>
    public static CheckContext Recorded(IEnumerable<KeyValuePair<string, object>> measurements, IReadOnlyList<string> classNames, int seed)
    {
        var context = new CheckContext(classNames, seed);
        foreach ((string key, object value) in measurements) context._measurements[key] = value;
        return context;
    }

    /// <summary>True for a <see cref="Recorded"/> context: nothing can be measured, and there is no <see cref="Stream"/>.</summary>
    public bool IsRecorded => _stream is null;

    public ActivationStream Stream => _stream ?? throw new InvalidOperationException("a recorded context has no activation stream: every measurement must be recorded");

    /// <summary>
    /// Per measurement key, the indices of its <see cref="PlannedParts"/> axis this shard measures; a key
    /// that is not here is measured whole. Set by the engine, after planning (which reads the model through this context), for a shard that runs parts of split units.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<int>> Parts { get; set; } = new Dictionary<string, IReadOnlyList<int>>();

    /// <summary>The indices of <paramref name="id"/>'s axis to measure (ascending), or null for all of them.</summary>
    public IReadOnlyList<int>? PartOf(MeasurementId id) => Parts.GetValueOrDefault(id.Key);

    public IReadOnlyList<string> ClassNames { get; }

    public int Seed { get; }

    public IProgress<string>? Progress { get; }

    /// <summary>Measurements taken so far, by key, for metrics.json.</summary>
    public IReadOnlyDictionary<string, object> Measurements => _measurements;

    /// <summary>The identities of <see cref="Measurements"/>, in the order they were taken.</summary>
    public IReadOnlyList<MeasurementId> MeasurementIds => _ids;

    /// <summary>Time spent per measurement key, in seconds.</summary>
    public Dictionary<string, double> Timings { get; } = new();

    /// <summary>How many measurement requests (cached ones included) have been made: a mark for <see cref="KeysUsedSince"/>.</summary>
    public int UsedCount => _used.Count;

    /// <summary>
    /// The measurement keys requested since <paramref name="mark"/>, each once, in first-request order:
    /// what a declaration used, so its results can say which measurements (and their times) they rest on.
    /// </summary>
    public IReadOnlyList<string> KeysUsedSince(int mark) => _used.Skip(mark).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>Returns the cached measurement of <paramref name="id"/>, measuring it the first time.</summary>
    public T Measure<T>(MeasurementId id, Func<T> measure) where T : notnull
    {
        string key = id.Key;
        _used.Add(key);
        if (_measurements.TryGetValue(key, out object? cached))
            return (T)cached;
        // Merge judges from what the shards recorded: one missing there is bad input, not a bug.
        if (IsRecorded) throw new InvalidDataException($"measurement '{key}' is not among the recorded ones");
        Progress?.Report($"measuring {key}");
        long start = System.Diagnostics.Stopwatch.GetTimestamp();
        T result = measure();
        double seconds = System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalSeconds;
        Timings[key] = seconds;
        Progress?.Report($"measured {key} in {seconds:F2} s");
        _measurements[key] = result;
        _ids.Add(id);
        return result;
    }
}
