namespace InterpAudit.Sharding;

/// <summary>
/// What every split result does to assemble its parts (<see cref="IAssembledFromParts"/>): require
/// what the parts share to agree, and put each index of the axis (a class, a cluster) back in its place
/// exactly once.
/// </summary>
internal static class PartAssembly
{
    public static int[] Indices(IEnumerable<string> names, IReadOnlyList<string> classNames) =>
        names.Select(name => IndexOf(name, classNames)).ToArray();

    /// <summary>The parts' items, one per class of <paramref name="classNames"/>, in its order.</summary>
    public static T[] InClassOrder<T>(IEnumerable<IReadOnlyList<T>> parts, Func<T, string> className, IReadOnlyList<string> classNames) =>
        InIndexOrder(parts.SelectMany(p => p).Select(item => (IndexOf(className(item), classNames), item)), classNames.Count,
            index => $"class \"{classNames[index]}\"");

    /// <summary>
    /// The items in index order, one per index 0 … <paramref name="count"/> − 1; throws, naming the
    /// index (<paramref name="name"/>), when one is in two parts or in none.
    /// </summary>
    public static T[] InIndexOrder<T>(IEnumerable<(int Index, T Item)> items, int count, Func<int, string> name)
    {
        var placed = new T[count];
        var filled = new bool[count];
        foreach ((int index, T item) in items)
        {
            if (filled[index]) throw new InvalidDataException($"{name(index)} is in two parts");
            (placed[index], filled[index]) = (item, true);
        }
        if (Array.IndexOf(filled, false) is var missing and >= 0)
            throw new InvalidDataException($"{name(missing)} is in no part");
        return placed;
    }

    /// <summary>Throws when the parts disagree on something every part of one measurement shares.</summary>
    public static void RequireSame<TPart, TValue>(IReadOnlyList<TPart> parts, string what, Func<TPart, TValue> value)
    {
        string first = Show(value(parts[0]));
        if (parts.Skip(1).Select(p => Show(value(p))).FirstOrDefault(v => v != first) is { } other)
            throw new InvalidDataException($"the parts' {what} differ ({first} and {other})");
    }

    private static string Show<TValue>(TValue value) =>
        value is System.Collections.IEnumerable items and not string ? string.Join(", ", items.Cast<object>()) : value?.ToString() ?? "null";

    private static int IndexOf(string name, IReadOnlyList<string> classNames)
    {
        for (int i = 0; i < classNames.Count; i++)
            if (classNames[i] == name) return i;
        throw new InvalidDataException($"class \"{name}\" is not one of the audit's classes");
    }
}
