using System.Globalization;
using System.Text.Json.Serialization;

namespace InterpAudit.Results;

/// <summary>
/// The identity of one measurement: family, variant (e.g. <c>exact</c>), layers and the options that
/// change what is measured. Checks share a measurement exactly when their identities are equal; the key
/// (<c>modularity:fc2:k=4</c>) names it in metrics.json, and readers select measurements by these
/// parts, never by taking the key apart.
/// </summary>
public sealed record MeasurementId
{
    [JsonConstructor]
    public MeasurementId(string family, string? variant, IReadOnlyList<string> layers, IReadOnlyDictionary<string, string> options)
    {
        Family = family;
        Variant = variant;
        Layers = layers;
        Options = options;
    }

    public string Family { get; }

    /// <summary>What of the family was measured when it measures several things (<c>exact</c>, <c>fast</c>); null otherwise.</summary>
    public string? Variant { get; }

    public IReadOnlyList<string> Layers { get; }

    /// <summary>The settings in the key, in order; a family leaves out settings at their defaults unless they help a reader.</summary>
    public IReadOnlyDictionary<string, string> Options { get; }

    public static MeasurementId Of(string family, string? variant = null, IEnumerable<string>? layers = null,
        params (string Name, object? Value)[] options) =>
        new(family, variant, (layers ?? []).ToArray(),
            new OrderedOptions(options.Where(o => o.Value is not null)
                .Select(o => KeyValuePair.Create(o.Name, Convert.ToString(o.Value, CultureInfo.InvariantCulture)!))));

    /// <summary><c>family[:variant][:layer,layer][:name=value]…</c></summary>
    [JsonIgnore]
    public string Key => string.Join(":", new[] { Family, Variant, Layers.Count == 0 ? null : string.Join(",", Layers) }
        .OfType<string>().Concat(Options.Select(o => $"{o.Key}={o.Value}")));

    /// <summary>An option's value, or null when the key does not name it.</summary>
    public string? Option(string name) => Options.TryGetValue(name, out string? value) ? value : null;

    public bool Equals(MeasurementId? other) => other is not null && Key == other.Key;

    public override int GetHashCode() => Key.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => Key;

    /// <summary>A dictionary that keeps the options in the order the family gave them (the key's order).</summary>
    private sealed class OrderedOptions(IEnumerable<KeyValuePair<string, string>> pairs) : IReadOnlyDictionary<string, string>
    {
        private readonly List<KeyValuePair<string, string>> _pairs = pairs.ToList();

        public string this[string key] => TryGetValue(key, out string? value) ? value : throw new KeyNotFoundException(key);
        public IEnumerable<string> Keys => _pairs.Select(p => p.Key);
        public IEnumerable<string> Values => _pairs.Select(p => p.Value);
        public int Count => _pairs.Count;
        public bool ContainsKey(string key) => _pairs.Any(p => p.Key == key);

        public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out string value)
        {
            foreach (var pair in _pairs)
                if (pair.Key == key) { value = pair.Value; return true; }
            value = null;
            return false;
        }

        public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _pairs.GetEnumerator();
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
