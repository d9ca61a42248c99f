using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace InterpAudit.Analyzers.CodeFixes;

/// <summary>IA0001, minimum above maximum: exchanges the two values (<c>Min = 0.9, Max = 0.1</c> → <c>Min = 0.1, Max = 0.9</c>).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SwapBoundsCodeFix)), Shared]
public sealed class SwapBoundsCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Rules.BoundOutOfRangeId);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null) return;
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            // Only the Min > Max form of IA0001 carries the two names; a bound outside its range has no single right value.
            if (!diagnostic.Properties.TryGetValue(CheckBoundsAnalyzer.MinimumProperty, out string? minimum)
                || !diagnostic.Properties.TryGetValue(CheckBoundsAnalyzer.MaximumProperty, out string? maximum)
                || diagnostic.AdditionalLocations.Count != 1)
                continue;
            if (root.FindNode(diagnostic.Location.SourceSpan) is not AttributeArgumentSyntax low
                || root.FindNode(diagnostic.AdditionalLocations[0].SourceSpan) is not AttributeArgumentSyntax high)
                continue;
            context.RegisterCodeFix(
                CodeAction.Create($"Swap {minimum} and {maximum}", ct => Swap(context.Document, root, low, high, ct), equivalenceKey: nameof(SwapBoundsCodeFix)),
                diagnostic);
        }
    }

    private static Task<Document> Swap(Document document, SyntaxNode root, AttributeArgumentSyntax low, AttributeArgumentSyntax high, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        SyntaxNode swapped = root.ReplaceNodes(new[] { low, high }, (original, _) => original == low
            ? low.WithExpression(high.Expression.WithTriviaFrom(low.Expression))
            : high.WithExpression(low.Expression.WithTriviaFrom(high.Expression)));
        return Task.FromResult(document.WithSyntaxRoot(swapped));
    }
}
