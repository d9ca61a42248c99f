using System.Reflection;
using InterpAudit.Auditing;
using InterpAudit.Diagnostics;
using InterpAudit.Results;

namespace InterpAudit.Runner.Discovery;

/// <summary>Finds the audits declared in a built assembly and creates their targets.</summary>
internal static class AuditDiscovery
{
    public static Assembly Load(string assemblyPath)
    {
        string fullPath = Path.GetFullPath(assemblyPath);
        if (!File.Exists(fullPath))
            throw new AuditInputException(DiagnosticCodes.AssemblyNotLoadable,
                $"Assembly '{fullPath}' does not exist: expected the built training project. Build it first.", fullPath);
        try
        {
            return new UserAssemblyLoadContext(fullPath).LoadFromAssemblyPath(fullPath);
        }
        catch (Exception e) when (e is BadImageFormatException or FileLoadException)
        {
            throw new AuditInputException(DiagnosticCodes.AssemblyNotLoadable,
                $"Assembly '{fullPath}' could not be loaded: expected a .NET assembly, found {e.GetType().Name}: {e.Message}", fullPath, e);
        }
    }

    public static IReadOnlyList<DiscoveredAudit> Find(Assembly assembly, string? onlyAudit = null)
    {
        var audits = new List<DiscoveredAudit>();
        foreach (Type type in LoadableTypes(assembly))
        {
            if (type.GetCustomAttribute<InterpretabilityAuditAttribute>() is not { } audit) continue;
            var ordinals = new Dictionary<string, int>();
            var checks = new List<DeclaredCheck>();
            // Metadata order is source order for attributes the C# compiler emits; the ordinal per
            // attribute type is what the source locator matches on.
            foreach (AuditCheckAttribute check in type.GetCustomAttributes<AuditCheckAttribute>(inherit: false))
            {
                string name = check.GetType().Name;
                int ordinal = ordinals.GetValueOrDefault(name);
                ordinals[name] = ordinal + 1;
                checks.Add(new DeclaredCheck(check, new CheckDeclaration(name, ordinal)));
            }
            audits.Add(new DiscoveredAudit(type, audit, checks));
        }

        if (audits.Count == 0)
            throw new AuditInputException(DiagnosticCodes.NoAuditFound,
                $"No class in {assembly.GetName().Name} is marked [InterpretabilityAudit(\"name\")]: expected at least one IAuditTarget class with that attribute. Add one, or set InterpAuditEnabled=false for this project.",
                assembly.Location);
        if (onlyAudit is null) return audits;
        List<DiscoveredAudit> selected = audits.Where(a => a.Audit.Name == onlyAudit).ToList();
        return selected.Count > 0
            ? selected
            : throw new AuditInputException(DiagnosticCodes.NoAuditFound,
                $"No audit named \"{onlyAudit}\" in {assembly.GetName().Name}: expected one of {string.Join(", ", audits.Select(a => $"\"{a.Audit.Name}\""))}.");
    }

    /// <summary>
    /// IA3016 unless the audit's name is a plain folder name (<see cref="AuditFolderName"/>, the
    /// analyzers' rule) that no other audit of this run uses. Checked per audit, before anything is
    /// written, so that the error is at the audit's attribute and the project's other audits still run.
    /// </summary>
    public static void RequireUsableName(DiscoveredAudit audit, IReadOnlyList<DiscoveredAudit> audits)
    {
        string name = audit.Audit.Name;
        if (AuditFolderName.Problem(name) is { } problem)
            throw new AuditInputException(DiagnosticCodes.InvalidAuditName,
                $"Audit name \"{name}\" on {audit.Type.Name} is not usable as a folder name: {problem}.");
        List<DiscoveredAudit> others = audits.Where(a => a.Audit.Name == name && a.Type != audit.Type).ToList();
        if (others.Count > 0)
            throw new AuditInputException(DiagnosticCodes.InvalidAuditName,
                $"Audit name \"{name}\" on {audit.Type.Name} is also used by {string.Join(" and ", others.Select(a => a.Type.Name))}: expected one class per name (the name is the output folder).");
    }

    public static IAuditTarget Create(DiscoveredAudit audit)
    {
        Type type = audit.Type;
        if (!typeof(IAuditTarget).IsAssignableFrom(type))
            throw new AuditInputException(DiagnosticCodes.AuditClassNotConstructible,
                $"{type.FullName} is marked [InterpretabilityAudit] but does not implement IAuditTarget: expected a class implementing InterpAudit.IAuditTarget.");
        if (type.IsAbstract || type.GetConstructor(Type.EmptyTypes) is not { IsPublic: true })
            throw new AuditInputException(DiagnosticCodes.AuditClassNotConstructible,
                $"{type.FullName} cannot be created: expected a non-abstract class with a public parameterless constructor.");
        try
        {
            return (IAuditTarget)Activator.CreateInstance(type)!;
        }
        catch (TargetInvocationException e)
        {
            throw new AuditInputException(DiagnosticCodes.AuditTargetFailed,
                $"The constructor of {type.FullName} threw {e.InnerException?.GetType().Name}: {e.InnerException?.Message}", inner: e);
        }
    }

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return e.Types.OfType<Type>();
        }
    }
}
