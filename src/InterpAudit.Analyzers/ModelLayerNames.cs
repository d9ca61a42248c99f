using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace InterpAudit.Analyzers;

/// <summary>
/// The layer names a model class can have, read from its source: a superset of what
/// <c>named_modules()</c> returns at run time, so that a name outside it is certainly wrong.
/// <para>
/// A module's children are every <c>register_module("name", m)</c> / <c>add_module</c> call in its
/// class, and its fields and properties of module types (what <c>RegisterComponents()</c> would
/// register; <c>[ComponentName]</c> renames a field). A child of a module class in source contributes
/// its own children under <c>child.</c>; a child whose class is not in source (Linear, Sequential)
/// or cannot be read is <em>open</em>: any name below it is accepted. When the model class itself
/// cannot be read (a registered name that is not a constant, a base class from another assembly)
/// the names are unknown and the caller reports nothing.
/// </para>
/// </summary>
internal sealed class ModelLayerNames
{
    private const int MaxDepth = 8;

    private readonly HashSet<string> _names;
    private readonly ImmutableArray<string> _openPrefixes;

    private ModelLayerNames(List<Layer> layers, List<string> openPrefixes)
    {
        _names = new HashSet<string>(layers.Select(l => l.Name), StringComparer.Ordinal);
        _openPrefixes = openPrefixes.ToImmutableArray();
        // Fields are layers only if RegisterComponents() runs; the message lists the names that
        // certainly are, unless there are none.
        var registered = layers.Where(l => l.Registered).Select(l => l.Name).Distinct().ToImmutableArray();
        Expected = registered.IsEmpty ? layers.Select(l => l.Name).Distinct().ToImmutableArray() : registered;
    }

    /// <summary>The names to suggest, in declaration order.</summary>
    public ImmutableArray<string> Expected { get; }

    public bool Contains(string layer) =>
        _names.Contains(layer) || _openPrefixes.Any(p => layer.StartsWith(p + ".", StringComparison.Ordinal));

    /// <summary>The layers of <paramref name="model"/>, or null when they cannot be read from source.</summary>
    public static ModelLayerNames? Read(INamedTypeSymbol model, AuditSymbols symbols, Compilation compilation, CancellationToken cancellationToken)
    {
        var reader = new Reader(symbols, compilation, cancellationToken);
        var path = ImmutableHashSet.Create<INamedTypeSymbol>(SymbolEqualityComparer.Default, model);
        return reader.Collect(model, "", registered: true, depth: 0, path) ? new ModelLayerNames(reader.Layers, reader.OpenPrefixes) : null;
    }

    private readonly struct Layer(string name, bool registered)
    {
        public string Name { get; } = name;

        /// <summary>Registered by name (or a field of a class that calls RegisterComponents()).</summary>
        public bool Registered { get; } = registered;
    }

    private readonly struct Child(string name, ITypeSymbol? type, bool registered)
    {
        public string Name { get; } = name;

        public ITypeSymbol? Type { get; } = type;

        public bool Registered { get; } = registered;
    }

    private sealed class Reader(AuditSymbols symbols, Compilation compilation, CancellationToken cancellationToken)
    {
        private readonly Dictionary<SyntaxTree, SemanticModel> _models = new();

        public List<Layer> Layers { get; } = new();

        public List<string> OpenPrefixes { get; } = new();

        /// <summary>Adds the children of <paramref name="module"/> under <paramref name="prefix"/>; false when they cannot be read.</summary>
        public bool Collect(INamedTypeSymbol module, string prefix, bool registered, int depth, ImmutableHashSet<INamedTypeSymbol> path)
        {
            var children = new List<Child>();
            var fields = new List<Child>();
            bool registersComponents = false;
            for (INamedTypeSymbol? type = module; type is not null && !AuditSymbols.IsModuleBaseClass(type); type = type.BaseType)
            {
                cancellationToken.ThrowIfCancellationRequested();
                // A module class from another assembly may register children this analyzer cannot see.
                if (!type.Locations.Any(l => l.IsInSource)) return false;
                CollectMembers(type, fields);
                if (!CollectRegistrations(type, children, ref registersComponents)) return false;
            }
            children.AddRange(fields.Select(f => new Child(f.Name, f.Type, f.Registered && registersComponents)));

            foreach (Child child in children)
            {
                string name = prefix + child.Name;
                bool certain = registered && child.Registered;
                Layers.Add(new Layer(name, certain));
                bool readable = child.Type is INamedTypeSymbol type
                    && depth < MaxDepth
                    && !path.Contains(type)
                    && type.Locations.Any(l => l.IsInSource)
                    && Collect(type, name + ".", certain, depth + 1, path.Add(type));
                if (!readable) OpenPrefixes.Add(name);
            }
            return true;
        }

        /// <summary>Members of module types; <see cref="Child.Registered"/> here means "registered if RegisterComponents() runs".</summary>
        private void CollectMembers(INamedTypeSymbol type, List<Child> fields)
        {
            foreach (ISymbol member in type.GetMembers())
            {
                if (member.IsStatic) continue;
                switch (member)
                {
                    case IFieldSymbol field when !field.IsImplicitlyDeclared && symbols.IsModule(field.Type):
                        fields.Add(new Child(ComponentName(field) ?? field.Name, field.Type, registered: true));
                        break;
                    case IPropertySymbol property when !property.IsIndexer && symbols.IsModule(property.Type):
                        // RegisterComponents() sees an auto-property's backing field, under another
                        // name, so a property is a layer only if registered by hand: possible, not certain.
                        fields.Add(new Child(property.Name, property.Type, registered: false));
                        break;
                }
            }
        }

        private bool CollectRegistrations(INamedTypeSymbol type, List<Child> children, ref bool registersComponents)
        {
            foreach (SyntaxReference reference in type.DeclaringSyntaxReferences)
            {
                SyntaxNode declaration = reference.GetSyntax(cancellationToken);
                foreach (InvocationExpressionSyntax call in declaration.DescendantNodes().OfType<InvocationExpressionSyntax>())
                {
                    string? method = call.Expression switch
                    {
                        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                        MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax or BaseExpressionSyntax } access => access.Name.Identifier.ValueText,
                        _ => null,
                    };
                    if (method == "RegisterComponents") registersComponents = true;
                    if (method is not ("register_module" or "add_module") || call.ArgumentList.Arguments.Count < 2) continue;

                    SemanticModel model = ModelOf(call.SyntaxTree);
                    Optional<object?> name = model.GetConstantValue(call.ArgumentList.Arguments[0].Expression, cancellationToken);
                    if (!name.HasValue || name.Value is not string text) return false;
                    children.Add(new Child(text, model.GetTypeInfo(call.ArgumentList.Arguments[1].Expression, cancellationToken).Type, registered: true));
                }
            }
            return true;
        }

        /// <summary>TorchSharp.Utils.ComponentNameAttribute: the name RegisterComponents() gives the field instead of its own.</summary>
        private static string? ComponentName(IFieldSymbol field)
        {
            AttributeData? attribute = field.GetAttributes().FirstOrDefault(a => a.AttributeClass?.Name == "ComponentNameAttribute");
            return attribute?.NamedArguments.FirstOrDefault(n => n.Key == "Name").Value.Value as string;
        }

        private SemanticModel ModelOf(SyntaxTree tree)
        {
            if (!_models.TryGetValue(tree, out SemanticModel? model))
            {
                // The model class usually lives in another file than the audit class, whose symbol
                // action has no semantic model for it. Only the registration calls are bound.
#pragma warning disable RS1030 // Do not invoke Compilation.GetSemanticModel() method within a diagnostic analyzer
                model = compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
                _models.Add(tree, model);
            }
            return model;
        }
    }
}
