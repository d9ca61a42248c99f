using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace InterpAudit.Analyzers.CodeFixes;

/// <summary>
/// IA0004, when every constructor takes parameters: adds <c>public T() { }</c> before the first
/// constructor. Not offered for static, abstract or generic classes, a non-public parameterless
/// constructor, or a primary constructor: there the fix is the author's choice.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddParameterlessConstructorCodeFix)), Shared]
public sealed class AddParameterlessConstructorCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Rules.AuditNotCreatableId);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.ContainsKey(AuditClassAnalyzer.CanAddConstructorProperty)) continue;
            if (root?.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.FirstAncestorOrSelf<ClassDeclarationSyntax>() is not { } declaration) continue;
            context.RegisterCodeFix(
                CodeAction.Create("Add a public parameterless constructor", ct => AddConstructor(context.Document, root, declaration, ct),
                    equivalenceKey: nameof(AddParameterlessConstructorCodeFix)),
                diagnostic);
        }
    }

    private static Task<Document> AddConstructor(Document document, SyntaxNode root, ClassDeclarationSyntax declaration, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ConstructorDeclarationSyntax constructor = SyntaxFactory.ConstructorDeclaration(declaration.Identifier.WithoutTrivia())
            .WithModifiers(SyntaxFactory.TokenList(SyntaxFactory.Token(SyntaxKind.PublicKeyword)))
            .WithParameterList(SyntaxFactory.ParameterList())
            .WithBody(SyntaxFactory.Block())
            .WithAdditionalAnnotations(Formatter.Annotation);

        // Next to the other constructors, where a reader looks for it; else first among the members.
        int index = declaration.Members.IndexOf(m => m is ConstructorDeclarationSyntax);
        if (index < 0) index = declaration.Members.LastIndexOf(m => m is FieldDeclarationSyntax) + 1;
        ClassDeclarationSyntax changed = declaration.WithMembers(declaration.Members.Insert(index, constructor));
        return Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(declaration, changed)));
    }
}
