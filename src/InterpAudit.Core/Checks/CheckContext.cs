using InterpAudit.Capture;
using InterpAudit.Results;

namespace InterpAudit.Checks;

/// <summary>
/// What a check may use: the activation stream, the class names, the seed, progress, and a cache so
/// that a measurement several checks need (e.g. per-class accuracy) runs once per audit.
/// </summary>
public sealed class CheckContext(ActivationStream stream, IReadOnlyList<string> classNames, int seed, IProgress<string>? progress = null)
{
    private readonly Dictionary<string, object> _measurements = new();
    private readonly List<MeasurementId> _ids = new();
    private readonly List<string> _used = new();

    public ActivationStream Stream { get; } = stream;

    public IReadOnlyList<string> ClassNames { get; } = classNames;

    public int Seed { get; } = seed;

    public IProgress<string>? Progress { get; } = progress;

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
