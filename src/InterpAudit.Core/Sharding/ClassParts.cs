namespace InterpAudit.Sharding;

/// <summary>What every class-split result does to assemble its parts: find each item's class, and put every class back in its place once.</summary>
internal static class ClassParts
{
    public static int[] Indices(IEnumerable<string> names, IReadOnlyList<string> classNames) =>
        names.Select(name => IndexOf(name, classNames)).ToArray();

    /// <summary>The parts' items, one per class of <paramref name="classNames"/>, in its order.</summary>
    public static T[] InClassOrder<T>(IEnumerable<IReadOnlyList<T>> parts, Func<T, string> className, IReadOnlyList<string> classNames)
    {
        var placed = new T[classNames.Count];
        var filled = new bool[classNames.Count];
        foreach (T item in parts.SelectMany(p => p))
        {
            int index = IndexOf(className(item), classNames);
            if (filled[index]) throw new InvalidDataException($"class \"{classNames[index]}\" is in two parts");
            (placed[index], filled[index]) = (item, true);
        }
        if (Array.IndexOf(filled, false) is var missing and >= 0)
            throw new InvalidDataException($"class \"{classNames[missing]}\" is in no part");
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
