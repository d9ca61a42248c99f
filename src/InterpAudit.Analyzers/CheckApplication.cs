using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace InterpAudit.Analyzers;

/// <summary>
/// One check attribute as applied to a class: its type, its values (bound to the constructor's
/// parameters and the named properties), and where each of them is in source.
/// </summary>
internal sealed class CheckApplication
{
    private CheckApplication(INamedTypeSymbol attributeType, AttributeSyntax? syntax, ImmutableArray<CheckArgument> arguments)
    {
        AttributeType = attributeType;
        Syntax = syntax;
        Arguments = arguments;
    }

    public INamedTypeSymbol AttributeType { get; }

    /// <summary>The attribute in source; null for one that comes from metadata.</summary>
    public AttributeSyntax? Syntax { get; }

    public ImmutableArray<CheckArgument> Arguments { get; }

    /// <summary>Short name for messages: <c>AccuracyCheck</c>.</summary>
    public string Name => AuditSymbols.ShortName(AttributeType);

    public Location Location => Syntax?.GetLocation() ?? Location.None;

    /// <summary>The attribute's values, or null when it does not bind (the compiler reports why).</summary>
    public static CheckApplication? Create(AttributeData data, CancellationToken cancellationToken)
    {
        if (data.AttributeClass is not { } type || data.AttributeConstructor is not { } constructor) return null;
        var syntax = data.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
        var arguments = ImmutableArray.CreateBuilder<CheckArgument>();

        var syntaxArguments = syntax?.ArgumentList?.Arguments ?? default;
        var positional = syntaxArguments.Where(a => a.NameEquals is null).ToList();
        for (int i = 0; i < constructor.Parameters.Length && i < data.ConstructorArguments.Length; i++)
        {
            IParameterSymbol parameter = constructor.Parameters[i];
            TypedConstant value = data.ConstructorArguments[i];
            // "layer: x" names its parameter; otherwise the i-th positional argument is the i-th parameter.
            AttributeArgumentSyntax? argument =
                positional.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == parameter.Name)
                ?? (i < positional.Count && positional[i].NameColon is null ? positional[i] : null);
            if (value.Kind == TypedConstantKind.Array)
            {
                // params string[] layers: one argument per element, each at its own source argument
                // when written out ("a", "b"), else at the array expression.
                bool expanded = parameter.IsParams && positional.Count - i == value.Values.Length && argument?.NameColon is null;
                for (int e = 0; e < value.Values.Length; e++)
                    arguments.Add(new CheckArgument(parameter.Name, value.Values[e], expanded ? positional[i + e] : argument, isConstructorArgument: true));
            }
            else
            {
                arguments.Add(new CheckArgument(parameter.Name, value, argument, isConstructorArgument: true));
            }
        }

        foreach (var named in data.NamedArguments)
        {
            AttributeArgumentSyntax? argument = syntaxArguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == named.Key);
            arguments.Add(new CheckArgument(named.Key, named.Value, argument, isConstructorArgument: false));
        }

        return new CheckApplication(type, syntax, arguments.ToImmutable());
    }

    /// <summary>The 1-based line of the attribute, for messages that point at another attribute.</summary>
    public int Line => Syntax?.GetLocation().GetLineSpan().StartLinePosition.Line + 1 ?? 0;
}
