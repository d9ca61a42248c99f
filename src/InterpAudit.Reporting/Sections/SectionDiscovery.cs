namespace InterpAudit.Reporting.Sections;

/// <summary>Every concrete implementation of a section interface in this assembly, created once.</summary>
internal static class SectionDiscovery
{
    public static IReadOnlyList<T> All<T>(Func<T, int> order) =>
        typeof(SectionDiscovery).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(T).IsAssignableFrom(t))
            .Select(t => (T)Activator.CreateInstance(t)!)
            .OrderBy(order)
            .ToArray();
}
