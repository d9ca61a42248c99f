using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace InterpAudit.Analyzers.CodeFixes;

/// <summary>
/// IA0003: adds <c>IAuditTarget</c> to the class's base list. The members it then lacks are the
/// compiler's CS0535, whose "Implement interface" fix writes them.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddAuditTargetCodeFix)), Shared]
public sealed class AddAuditTargetCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Rules.AuditWithoutTargetId);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (root?.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.FirstAncestorOrSelf<TypeDeclarationSyntax>() is not { } declaration) continue;
            context.RegisterCodeFix(
                CodeAction.Create("Implement IAuditTarget", ct => AddInterface(context.Document, declaration, ct), equivalenceKey: nameof(AddAuditTargetCodeFix)),
                diagnostic);
        }
    }

    private static async Task<Document> AddInterface(Document document, TypeDeclarationSyntax declaration, CancellationToken cancellationToken)
    {
        DocumentEditor editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        if (editor.SemanticModel.Compilation.GetTypeByMetadataName("InterpAudit.IAuditTarget") is not { } target) return document;
        // A fully qualified, simplifier-annotated name: "IAuditTarget" where InterpAudit is imported.
        editor.AddInterfaceType(declaration, editor.Generator.TypeExpression(target));
        return editor.GetChangedDocument();
    }
}
