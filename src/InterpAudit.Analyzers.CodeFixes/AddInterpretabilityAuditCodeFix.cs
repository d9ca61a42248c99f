using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace InterpAudit.Analyzers.CodeFixes;

/// <summary>
/// IA0002: marks the class <c>[InterpretabilityAudit("ClassName")]</c>, above its other attributes.
/// The class name is the obvious first audit name; IA0003 and IA0004 then say what else an audit
/// class needs.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddInterpretabilityAuditCodeFix)), Shared]
public sealed class AddInterpretabilityAuditCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Rules.CheckOutsideAuditId);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (root?.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.FirstAncestorOrSelf<TypeDeclarationSyntax>() is not { AttributeLists.Count: > 0 } declaration)
                continue;
            string name = declaration.Identifier.ValueText;
            context.RegisterCodeFix(
                CodeAction.Create($"Mark as [InterpretabilityAudit(\"{name}\")]", ct => AddAttribute(context.Document, root, declaration, name, ct),
                    equivalenceKey: nameof(AddInterpretabilityAuditCodeFix)),
                diagnostic);
        }
    }

    private static Task<Document> AddAttribute(Document document, SyntaxNode root, TypeDeclarationSyntax declaration, string name, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        AttributeListSyntax first = declaration.AttributeLists[0];
        SyntaxTriviaList leading = first.GetLeadingTrivia();
        // The new list takes over what stood before the first one (doc comment, indentation); the
        // first one keeps only its indentation, on the line below.
        SyntaxTriviaList indentation = leading.Count > 0 && leading.Last().IsKind(SyntaxKind.WhitespaceTrivia)
            ? SyntaxFactory.TriviaList(leading.Last())
            : SyntaxFactory.TriviaList();
        // The file's own line ending; an elastic one, which the formatter replaces, in a one-line file.
        SyntaxTrivia endOfLine = root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        if (endOfLine == default) endOfLine = SyntaxFactory.ElasticCarriageReturnLineFeed;

        AttributeListSyntax audit = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(
                SyntaxFactory.Attribute(
                    SyntaxFactory.ParseName("global::InterpAudit.InterpretabilityAudit").WithAdditionalAnnotations(Simplifier.Annotation),
                    SyntaxFactory.AttributeArgumentList(SyntaxFactory.SingletonSeparatedList(
                        SyntaxFactory.AttributeArgument(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(name))))))))
            .WithLeadingTrivia(leading)
            .WithTrailingTrivia(endOfLine);

        var lists = declaration.AttributeLists.Replace(first, first.WithLeadingTrivia(indentation)).Insert(0, audit);
        return Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(declaration, declaration.WithAttributeLists(lists))));
    }
}
