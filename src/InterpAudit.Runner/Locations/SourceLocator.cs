using InterpAudit.Results;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace InterpAudit.Runner.Locations;

/// <summary>
/// Maps a check back to the attribute that declared it, as file(line,col), by parsing the project's
/// Compile items with Roslyn (syntax only: no compilation, no references, fast). A check is matched
/// by its audit class, its attribute's type name and its position among attributes of that type.
/// </summary>
internal sealed class SourceLocator
{
    private readonly List<DeclaredAuditSource> _audits;

    private SourceLocator(List<DeclaredAuditSource> audits) => _audits = audits;

    public static SourceLocator Empty { get; } = new([]);

    public static SourceLocator Parse(IEnumerable<string> sourceFiles)
    {
        var audits = new List<DeclaredAuditSource>();
        foreach (string file in sourceFiles.Where(f => f.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) && File.Exists(f)))
        {
            SyntaxTree tree = CSharpSyntaxTree.ParseText(File.ReadAllText(file), path: Path.GetFullPath(file));
            foreach (ClassDeclarationSyntax type in tree.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>())
            {
                List<AttributeSyntax> attributes = type.AttributeLists.SelectMany(list => list.Attributes).ToList();
                AttributeSyntax? audit = attributes.FirstOrDefault(a => ShortName(a.Name) == "InterpretabilityAudit");
                if (audit is null) continue;
                string? name = audit.ArgumentList?.Arguments.FirstOrDefault()?.Expression is LiteralExpressionSyntax literal
                    ? literal.Token.ValueText : null;
                audits.Add(new DeclaredAuditSource(type.Identifier.ValueText, name, Locate(audit),
                    attributes.Where(a => a != audit).Select(a => (ShortName(a.Name), Locate(a))).ToList()));
            }
        }
        return new SourceLocator(audits);
    }

    /// <summary>The <c>[InterpretabilityAudit]</c> attribute of the class, or null when not found.</summary>
    public SourceLocation? AuditAttribute(Type auditType, string auditName) => Find(auditType, auditName)?.AuditAttribute;

    /// <summary>The attribute that declared <paramref name="declaration"/>, or null when not found.</summary>
    public SourceLocation? CheckAttribute(Type auditType, string auditName, CheckDeclaration declaration)
    {
        string wanted = StripSuffix(declaration.AttributeType);
        return Find(auditType, auditName)?.Attributes
            .Where(a => a.Name == wanted)
            .Select(a => a.Location)
            .ElementAtOrDefault(declaration.Ordinal);
    }

    private DeclaredAuditSource? Find(Type auditType, string auditName)
    {
        List<DeclaredAuditSource> sameClass = _audits.Where(a => a.ClassName == auditType.Name).ToList();
        return sameClass.FirstOrDefault(a => a.AuditName == auditName) ?? (sameClass.Count == 1 ? sameClass[0] : null);
    }

    private static SourceLocation Locate(AttributeSyntax attribute)
    {
        FileLinePositionSpan span = attribute.GetLocation().GetLineSpan();
        return new SourceLocation(span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1);
    }

    private static string ShortName(NameSyntax name) => StripSuffix(name switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => name.ToString(),
    });

    private static string StripSuffix(string name) =>
        name.EndsWith("Attribute", StringComparison.Ordinal) && name.Length > "Attribute".Length ? name[..^"Attribute".Length] : name;
}
